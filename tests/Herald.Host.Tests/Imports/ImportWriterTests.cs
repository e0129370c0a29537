using Azure.Data.Tables;
using Herald.Core.Domain;
using Herald.Core.Imports;
using Herald.Host.Imports;
using Herald.Host.Storage;
using Herald.Testing;

namespace Herald.Host.Tests.Imports;

/// <summary>A streamed import against Azurite: invisible until complete, gone when abandoned, read back whole when done.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ImportWriterTests(AzuriteFixture azurite)
{
    private readonly string _tenant = "tenant-" + Guid.NewGuid().ToString("N")[..12];

    private static List<Recipient> Recipients(int from, int count) =>
        [.. Enumerable.Range(from, count).Select(i => new Recipient(null, null, $"+7916{i:D7}", $"Name {i} {new string('x', 40)}", null))];

    [Fact(Timeout = 60_000)]
    public async Task AbandonAsync_AfterBatchesWereWritten_LeavesNoImportAndNoPieces()
    {
        var tables = azurite.CreateTableServiceClient();
        var store = new ImportStore(tables);
        var writer = await store.BeginAsync(_tenant);
        for (var batch = 0; batch < 30; batch++)
        {
            await writer.WriteAsync(Recipients(batch * 1_000, 1_000));
        }

        var pieces = tables.GetTableClient(HostTables.Imports).QueryAsync<TableEntity>(e => e.PartitionKey == $"{_tenant}|{writer.Id}");
        Assert.True(await pieces.CountAsync() >= ImportStore.RowsPerTransaction);
        Assert.Null(await store.GetAsync(_tenant, writer.Id));

        await writer.AbandonAsync();

        Assert.Null(await store.GetAsync(_tenant, writer.Id));
        Assert.Equal(0, await pieces.CountAsync());
    }

    [Fact(Timeout = 60_000)]
    public async Task CompleteAsync_AfterBatches_ReadsBackEveryRecipientInOrder()
    {
        var store = new ImportStore(azurite.CreateTableServiceClient());
        var writer = await store.BeginAsync(_tenant);
        await writer.WriteAsync(Recipients(0, 1_000));
        await writer.WriteAsync(Recipients(1_000, 700));
        var result = new ImportResult
        {
            Source = new RecipientSource(RecipientSourceKind.File, "list.csv", DateTimeOffset.UnixEpoch, 1_701, 1_700),
            Dropped = [new ImportIssue(5, ImportReasons.BlankRow)],
            DroppedCount = 1,
        };

        var record = await writer.CompleteAsync(result);
        var stored = await store.GetAsync(_tenant, record.Id);
        var recipients = await store.ReadRecipientsAsync(stored!);

        Assert.Equal(Recipients(0, 1_700).Select(r => r.Phone), recipients.Select(r => r.Phone));
        Assert.Equal([new ImportIssue(5, ImportReasons.BlankRow)], await store.ReadDroppedAsync(stored!));
        Assert.Equal(1, stored!.DroppedCount);
    }
}
