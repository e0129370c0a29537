using Herald.Storage.Tables;
using Herald.Testing;

namespace Herald.Storage.Tests.Tables;

[Collection(AzuriteCollection.Name)]
public sealed class TableChunkedTransactionTests(AzuriteFixture azurite)
{
    [Fact(Timeout = 60_000)]
    public async Task SubmitTransactionsInChunksAsync_250ActionsOverTwoPartitionsWithRepeat_AppliesAllInInputOrder()
    {
        var table = await azurite.CreateTableAsync();
        var actions = Enumerable.Range(0, 250)
            .Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(i % 2 == 0 ? "even" : "odd", $"r{i:D3}") { ["I"] = i }))
            .Append(new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity("even", "r000") { ["Again"] = true }))
            .ToList();

        var results = await table.SubmitTransactionsInChunksAsync(actions);

        var rows = await table.QueryAsync<TableEntity>().ToListAsync();
        Assert.Equal(251, results.Count);
        Assert.All(results, r => Assert.Equal(204, r.Status));
        Assert.Equal(250, rows.Count);
        Assert.True(rows.Single(r => r.RowKey == "r000").GetBoolean("Again"));
        Assert.Equal(rows.Single(r => r.RowKey == "r000").ETag, results[250].Headers.ETag);
        Assert.Equal(rows.Single(r => r.RowKey == "r123").ETag, results[123].Headers.ETag);
    }

    [Fact(Timeout = 60_000)]
    public async Task SubmitTransactionsInChunksAsync_SecondChunkFails_FirstStaysAndIndexMapsToInput()
    {
        var table = await azurite.CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r150"));
        var actions = Enumerable.Range(0, 200)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"r{i:D3}")))
            .ToList();

        var ex = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionsInChunksAsync(actions));

        var rows = await table.QueryAsync<TableEntity>().ToListAsync();
        Assert.Equal(150, ex.FailedTransactionActionIndex);
        Assert.Equal("EntityAlreadyExists", ex.ErrorCode);
        Assert.Contains("1 committed", ex.Message, StringComparison.Ordinal);
        Assert.Equal(101, rows.Count);
    }
}
