using Herald.Testing;
using Xunit.Abstractions;

namespace Herald.Storage.Tests.Queues;

[Collection(AzuriteCollection.Name)]
public sealed class QueueClientTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact(Timeout = 60_000)]
    public async Task SendReceiveDelete_OneMessage_RoundTripsTextAndMetadata()
    {
        var queue = await azurite.CreateQueueAsync();

        var sent = (await queue.SendMessageAsync("héllo <world> & 'you'")).Value;
        var received = (await queue.ReceiveMessagesAsync(maxMessages: 5, visibilityTimeout: TimeSpan.FromSeconds(30))).Value;
        var deleted = await queue.DeleteMessageAsync(received[0].MessageId, received[0].PopReceipt);
        var after = (await queue.GetPropertiesAsync()).Value;

        var message = Assert.Single(received);
        output.WriteLine($"id {message.MessageId} receipt {message.PopReceipt} inserted {message.InsertedOn} expires {message.ExpiresOn} visible {message.NextVisibleOn}");
        Assert.Equal(sent.MessageId, message.MessageId);
        Assert.Equal("héllo <world> & 'you'", message.MessageText);
        Assert.Equal(1, message.DequeueCount);
        Assert.NotNull(message.InsertedOn);
        Assert.True(message.ExpiresOn > message.InsertedOn);
        Assert.True(message.NextVisibleOn > message.InsertedOn);
        Assert.Equal(204, deleted.Status);
        Assert.Equal(0, after.ApproximateMessagesCount);
    }
}
