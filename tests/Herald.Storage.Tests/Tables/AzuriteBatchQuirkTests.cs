using Azure.Data.Tables;
using Herald.Testing;
using Xunit.Abstractions;

namespace Herald.Storage.Tests.Tables;

/// <summary>
/// Azurite reads a batch operation's PartitionKey from its URL with a greedy pattern up to the last <c>',</c>. The
/// SDK still hits it (the first test shows the damage with the SDK's default options), so Herald's table clients
/// refuse such transactions against the emulator before anything is sent.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzuriteBatchQuirkTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string PartitionKey = "a',b";

    [Fact(Timeout = 60_000)]
    public async Task SdkDefaults_RowKeyWithQuoteComma_AzuriteWritesAnotherPartition()
    {
        var table = await azurite.CreateTableAsync(options: new TableClientOptions());

        await table.SubmitTransactionAsync([new(TableTransactionActionType.UpsertReplace, new TableEntity(PartitionKey, "r',s") { ["V"] = 2 })]);

        var row = Assert.Single(await table.QueryAsync<TableEntity>().ToListAsync());
        output.WriteLine($"{row.PartitionKey} | {row.RowKey}");
        Assert.NotEqual(PartitionKey, row.PartitionKey);
    }

    [Fact(Timeout = 60_000)]
    public async Task HeraldOptions_RowKeyWithQuoteComma_RefusedBeforeSendingAndSingleOperationsWork()
    {
        var table = await azurite.CreateTableAsync();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
            [new(TableTransactionActionType.UpsertReplace, new TableEntity(PartitionKey, "r',s") { ["V"] = 2 })]));
        await table.SubmitTransactionAsync([new(TableTransactionActionType.UpsertReplace, new TableEntity(PartitionKey, "plain") { ["V"] = 1 })]);
        await table.UpsertEntityAsync(new TableEntity(PartitionKey, "r',s") { ["V"] = 2 });

        var rows = await table.QueryAsync<TableEntity>().ToListAsync();
        Assert.Contains("Azurite", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(PartitionKey, r.PartitionKey));
        Assert.Equal(2, (await table.GetEntityAsync<TableEntity>(PartitionKey, "r',s")).Value.GetInt32("V"));
    }
}
