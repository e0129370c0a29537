using Azure.Data.Tables;
using Herald.Host.Messages;
using Herald.Host.Storage;
using Herald.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Herald.Host.Tests.Messages;

[Collection(AzuriteCollection.Name)]
public sealed class IdempotencyPurgeTests(AzuriteFixture azurite)
{
    [Fact(Timeout = 60_000)]
    public async Task PurgeExpired_KeyPastRetention_DeletedWhileAYoungerKeyStillReplays()
    {
        // A clock in the past, so the purge can only reach this test's rows in the shared table.
        var time = new FakeTimeProvider(new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var tables = new TableServiceClient(azurite.ConnectionString);
        var store = new IdempotencyStore(tables, time, Options.Create(new IdempotencyOptions { Retention = TimeSpan.FromHours(24) }));
        var tenant = "purge" + Guid.NewGuid().ToString("N")[..8];
        var fingerprint = IdempotencyStore.Fingerprint("POST", "/api/messages", "{}");

        await CompleteAsync(store, tenant, "old-key", fingerprint);
        time.Advance(TimeSpan.FromHours(23));
        await CompleteAsync(store, tenant, "young-key", fingerprint);
        time.Advance(TimeSpan.FromHours(2));

        var deleted = await store.PurgeExpiredAsync();

        Assert.Equal(1, deleted);
        var left = new List<TableEntity>();
        await foreach (var row in tables.GetTableClient(HostTables.Idempotency).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {tenant}")))
        {
            left.Add(row);
        }

        Assert.Single(left);
        var replay = await store.BeginAsync(tenant, "young-key", fingerprint);
        Assert.Equal(IdempotencyState.Replay, replay.State);
        Assert.Equal("{\"ok\":true}", replay.Response!.Body);
    }

    private static async Task CompleteAsync(IdempotencyStore store, string tenant, string key, string fingerprint)
    {
        var begun = await store.BeginAsync(tenant, key, fingerprint);
        Assert.Equal(IdempotencyState.Started, begun.State);
        await store.CompleteAsync(begun.Reservation!, fingerprint, new StoredResponse(200, "{\"ok\":true}"));
    }
}
