using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Herald.Testing;
using Xunit.Abstractions;

namespace Herald.Storage.Tests.Queues;

[Collection(AzuriteCollection.Name)]
public sealed class QueueVisibilityTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact(Timeout = 60_000)]
    public async Task SendMessageAsync_With3sDelay_InvisibleAtFirstThenVisible()
    {
        var queue = await azurite.CreateQueueAsync();

        var sent = (await queue.SendMessageAsync("later", visibilityTimeout: TimeSpan.FromSeconds(3))).Value;
        var immediately = (await queue.ReceiveMessagesAsync()).Value;
        var peekedImmediately = (await queue.PeekMessagesAsync()).Value;
        var later = await ReceiveWithinAsync(queue, Patience);

        output.WriteLine($"inserted {sent.InsertionTime:O}, visible {sent.TimeNextVisible:O}");
        Assert.Empty(immediately);
        Assert.Empty(peekedImmediately);
        Assert.True(sent.TimeNextVisible >= sent.InsertionTime.AddSeconds(3));
        Assert.Equal(sent.MessageId, later.MessageId);
        Assert.Equal("later", later.MessageText);
    }

    [Fact(Timeout = 60_000)]
    public async Task ReceiveMessagesAsync_AfterVisibilityExpires_RedeliversWithHigherDequeueCount()
    {
        var queue = await azurite.CreateQueueAsync();
        await queue.SendMessageAsync("again");

        var first = Assert.Single((await queue.ReceiveMessagesAsync(visibilityTimeout: TimeSpan.FromSeconds(1))).Value);
        var second = await ReceiveWithinAsync(queue, Patience);

        Assert.Equal(1, first.DequeueCount);
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(2, second.DequeueCount);
        Assert.NotEqual(first.PopReceipt, second.PopReceipt);
    }

    [Fact(Timeout = 60_000)]
    public async Task UpdateMessageAsync_HideThenReveal_ControlsVisibilityAndText()
    {
        var queue = await azurite.CreateQueueAsync();
        await queue.SendMessageAsync("v1");
        var received = Assert.Single((await queue.ReceiveMessagesAsync(visibilityTimeout: TimeSpan.FromSeconds(2))).Value);

        var hidden = (await queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, visibilityTimeout: TimeSpan.FromMinutes(5))).Value;
        await Task.Delay(TimeSpan.FromSeconds(3));
        var whileHidden = (await queue.ReceiveMessagesAsync()).Value;
        var revealed = (await queue.UpdateMessageAsync(received.MessageId, hidden.PopReceipt, "v2", TimeSpan.Zero)).Value;
        var again = await ReceiveWithinAsync(queue, Patience);

        Assert.Empty(whileHidden);
        Assert.NotEqual(received.PopReceipt, hidden.PopReceipt);
        Assert.NotEqual(hidden.PopReceipt, revealed.PopReceipt);
        Assert.True(hidden.NextVisibleOn > received.NextVisibleOn);
        Assert.Equal(received.MessageId, again.MessageId);
        Assert.Equal("v2", again.MessageText);
    }

    [Fact(Timeout = 60_000)]
    public async Task DeleteMessageAsync_StalePopReceipt_FailsWithStatusAndCode()
    {
        var queue = await azurite.CreateQueueAsync();
        await queue.SendMessageAsync("x");
        var received = Assert.Single((await queue.ReceiveMessagesAsync()).Value);
        var updated = (await queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, visibilityTimeout: TimeSpan.FromSeconds(30))).Value;

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => queue.DeleteMessageAsync(received.MessageId, received.PopReceipt));
        var updateEx = await Assert.ThrowsAsync<RequestFailedException>(
            () => queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, visibilityTimeout: TimeSpan.Zero));
        var deleted = await queue.DeleteMessageAsync(received.MessageId, updated.PopReceipt);

        output.WriteLine(ex.Message);
        output.WriteLine(updateEx.Message);
        Assert.Contains(ex.Status, new[] { 400, 404 });
        Assert.Contains(ex.ErrorCode, new[] { "PopReceiptMismatch", "MessageNotFound" });
        Assert.Contains(updateEx.ErrorCode, new[] { "PopReceiptMismatch", "MessageNotFound" });
        Assert.Equal(204, deleted.Status);
    }

    [Fact(Timeout = 60_000)]
    public async Task SendMessageAsync_TimeToLiveNever_ExpiresInYear9999()
    {
        var queue = await azurite.CreateQueueAsync();

        var forever = (await queue.SendMessageAsync("forever", timeToLive: TimeSpan.FromSeconds(-1))).Value;
        var shortLived = (await queue.SendMessageAsync("brief", timeToLive: TimeSpan.FromSeconds(60))).Value;

        output.WriteLine($"forever expires {forever.ExpirationTime:O}; brief expires {shortLived.ExpirationTime:O}");
        Assert.Equal(9999, forever.ExpirationTime.Year);
        Assert.InRange(shortLived.ExpirationTime - shortLived.InsertionTime, TimeSpan.FromSeconds(59), TimeSpan.FromSeconds(61));
    }

    [Fact(Timeout = 60_000)]
    public async Task SendMessageAsync_SevenDayDelay_IsAccepted()
    {
        var queue = await azurite.CreateQueueAsync();

        var sent = (await queue.SendMessageAsync("week", TimeSpan.FromDays(7), TimeSpan.FromSeconds(-1))).Value;

        Assert.InRange(sent.TimeNextVisible - sent.InsertionTime, TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1), TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    private static async Task<QueueMessage> ReceiveWithinAsync(QueueClient queue, TimeSpan patience)
    {
        using var cts = new CancellationTokenSource(patience);
        while (true)
        {
            var messages = (await queue.ReceiveMessagesAsync(visibilityTimeout: TimeSpan.FromSeconds(30), cancellationToken: cts.Token)).Value;
            if (messages.Length > 0)
            {
                return Assert.Single(messages);
            }

            await Task.Delay(200, cts.Token);
        }
    }
}
