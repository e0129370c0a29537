using Herald.Storage.Queues;
using Herald.Testing;

namespace Herald.Storage.Tests.Queues;

[Collection(AzuriteCollection.Name)]
public sealed class QueueOperationTests(AzuriteFixture azurite)
{
    [Fact(Timeout = 60_000)]
    public async Task CreateIfNotExistsAsync_TwiceThenDeleteIfExistsTwice_IsIdempotent()
    {
        var queue = azurite.CreateQueueServiceClient().GetQueueClient(StorageNames.UniqueQueueName());

        var created = await queue.CreateIfNotExistsAsync(new Dictionary<string, string> { ["owner"] = "herald" });
        var again = await queue.CreateIfNotExistsAsync(new Dictionary<string, string> { ["owner"] = "herald" });
        var otherMetadata = await queue.CreateIfNotExistsAsync(new Dictionary<string, string> { ["owner"] = "someone-else" });
        var exists = (await queue.ExistsAsync()).Value;
        var properties = (await queue.GetPropertiesAsync()).Value;
        var deleted = (await queue.DeleteIfExistsAsync()).Value;
        var deletedAgain = (await queue.DeleteIfExistsAsync()).Value;
        var existsAfter = (await queue.ExistsAsync()).Value;

        Assert.Equal(201, created.Status);
        Assert.Equal(204, again.Status);
        Assert.Equal(409, otherMetadata.Status);
        Assert.True(exists);
        Assert.Equal("herald", properties.Metadata["owner"]);
        Assert.True(deleted);
        Assert.False(deletedAgain);
        Assert.False(existsAfter);
    }

    [Fact(Timeout = 60_000)]
    public async Task ReceiveMessagesAsync_32OfMore_ReturnsAtMost32AndCountsAll()
    {
        var queue = await azurite.CreateQueueAsync();
        await Parallel.ForEachAsync(Enumerable.Range(0, 40), async (i, ct) => await queue.SendMessageAsync($"m{i}", cancellationToken: ct));

        var count = (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
        var batch = (await queue.ReceiveMessagesAsync(32)).Value;
        var rest = (await queue.ReceiveMessagesAsync(32)).Value;

        Assert.Equal(40, count);
        Assert.Equal(32, batch.Length);
        Assert.Equal(8, rest.Length);
        Assert.Equal(40, batch.Concat(rest).Select(m => m.MessageText).Distinct().Count());
    }

    [Fact(Timeout = 60_000)]
    public async Task ClearMessagesAsync_WithMessages_EmptiesQueue()
    {
        var queue = await azurite.CreateQueueAsync();
        await queue.SendMessageAsync("a");
        await queue.SendMessageAsync("b", TimeSpan.FromMinutes(1));

        await queue.ClearMessagesAsync();

        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact(Timeout = 60_000)]
    public async Task SendMessageAsync_EncodingNone_StoresRawTextThatBase64ClientReadsAsIs()
    {
        var name = StorageNames.UniqueQueueName();
        var raw = azurite.CreateQueueServiceClient(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None }).GetQueueClient(name);
        var base64 = azurite.CreateQueueServiceClient().GetQueueClient(name);
        await raw.CreateIfNotExistsAsync();

        await raw.SendMessageAsync("plain <text> & more");
        await base64.SendMessageAsync("encoded");
        var peekedRaw = (await raw.PeekMessagesAsync(2)).Value;
        var received = (await base64.ReceiveMessagesAsync(2)).Value;

        Assert.Equal("plain <text> & more", peekedRaw[0].MessageText);
        Assert.Equal("ZW5jb2RlZA==", peekedRaw[1].MessageText);
        Assert.Equal(["plain <text> & more", "encoded"], received.Select(m => m.MessageText));
    }

    [Fact(Timeout = 60_000)]
    public async Task SendMessageAsync_At64KiBLimit_AcceptedAndOneByteMoreRefused()
    {
        var queue = await azurite.CreateQueueAsync();
        var fits = new string('a', QueueClient.MaxMessageBytes / 4 * 3);
        var tooBig = new string('a', (QueueClient.MaxMessageBytes / 4 * 3) + 1);

        await queue.SendMessageAsync(fits);
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => queue.SendMessageAsync(tooBig));
        var received = Assert.Single((await queue.ReceiveMessagesAsync()).Value);

        Assert.Contains("65536", ex.Message, StringComparison.Ordinal);
        Assert.Equal(fits, received.MessageText);
    }

    [Fact(Timeout = 30_000)]
    public async Task Arguments_OutOfRange_RefusedBeforeAnyRequest()
    {
        var queue = new QueueClient(new Uri("http://127.0.0.1:1/devstoreaccount1/closed"), new StorageSharedKeyCredential("a", StorageConnectionString.DevelopmentAccountKey));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.SendMessageAsync("x", TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.SendMessageAsync("x", TimeSpan.FromSeconds(-1)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.SendMessageAsync("x", timeToLive: TimeSpan.Zero));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.SendMessageAsync("x", timeToLive: TimeSpan.FromSeconds(-2)));
        await Assert.ThrowsAsync<ArgumentException>(() => queue.SendMessageAsync("x", TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(1)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.ReceiveMessagesAsync(0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.ReceiveMessagesAsync(33));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.ReceiveMessagesAsync(1, TimeSpan.Zero));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.UpdateMessageAsync("id", "pop", null, TimeSpan.FromDays(8)));
    }
}
