using Azure;
using Azure.Data.Tables;
using Herald.Testing;
using Xunit.Abstractions;

namespace Herald.Storage.Tests.Tables;

[Collection(AzuriteCollection.Name)]
public sealed class TableTransactionTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact(Timeout = 60_000)]
    public async Task SubmitTransactionAsync_EveryActionType_AppliesAllAndReturnsETags()
    {
        var table = await azurite.CreateTableAsync();
        var toMerge = await table.AddEntityAsync(new TableEntity("p", "merge") { ["A"] = "a", ["B"] = "b" });
        var toReplace = await table.AddEntityAsync(new TableEntity("p", "replace") { ["A"] = "a" });
        var toDelete = await table.AddEntityAsync(new TableEntity("p", "delete"));
        await table.AddEntityAsync(new TableEntity("p", "upsert-merge") { ["A"] = "a" });

        var result = await table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "add") { ["N"] = 1 }),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("p", "merge") { ["B"] = "b2" }, toMerge.Headers.ETag!.Value),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("p", "replace") { ["C"] = "c" }, toReplace.Headers.ETag!.Value),
            new(TableTransactionActionType.Delete, new TableEntity("p", "delete"), toDelete.Headers.ETag!.Value),
            new(TableTransactionActionType.UpsertMerge, new TableEntity("p", "upsert-merge") { ["B"] = "b" }),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("p", "upsert-replace") { ["R"] = "r" }),
        ]);

        var rows = new Dictionary<string, TableEntity>();
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"p"}")))
        {
            rows[e.RowKey] = e;
        }

        output.WriteLine(string.Join(", ", result.Value.Select(r => $"{r.Status} {r.Headers.ETag}")));
        Assert.Equal(6, result.Value.Count);
        Assert.Equal(202, result.GetRawResponse().Status);
        Assert.All(result.Value.Where((_, i) => i != 3), r => Assert.NotNull(r.Headers.ETag));
        Assert.Equal(rows["add"].ETag, result.Value[0].Headers.ETag);
        Assert.Equal(1, rows["add"].GetInt32("N"));
        Assert.Equal("a", rows["merge"].GetString("A"));
        Assert.Equal("b2", rows["merge"].GetString("B"));
        Assert.Null(rows["replace"].GetString("A"));
        Assert.Equal("c", rows["replace"].GetString("C"));
        Assert.False(rows.ContainsKey("delete"));
        Assert.Equal("a", rows["upsert-merge"].GetString("A"));
        Assert.Equal("b", rows["upsert-merge"].GetString("B"));
        Assert.Equal("r", rows["upsert-replace"].GetString("R"));
    }

    [Fact(Timeout = 60_000)]
    public async Task SubmitTransactionAsync_AddOfExistingEntity_FailsWithIndexAndChangesNothing()
    {
        var table = await azurite.CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "exists") { ["V"] = "original" });
        await table.AddEntityAsync(new TableEntity("p", "kept") { ["V"] = "original" });

        var ex = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "new1")),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("p", "kept") { ["V"] = "changed" }),
            new(TableTransactionActionType.Add, new TableEntity("p", "exists")),
            new(TableTransactionActionType.Add, new TableEntity("p", "new2")),
        ]));

        output.WriteLine(ex.Message);
        Assert.IsAssignableFrom<RequestFailedException>(ex);
        Assert.Equal(409, ex.Status);
        Assert.Equal("EntityAlreadyExists", ex.ErrorCode);
        Assert.Equal(2, ex.FailedTransactionActionIndex);
        Assert.Equal(["exists", "kept"], await RowKeysAsync(table, "p"));
        Assert.Equal("original", (await table.GetEntityAsync<TableEntity>("p", "kept")).Value.GetString("V"));
    }

    [Fact(Timeout = 60_000)]
    public async Task SubmitTransactionAsync_StaleIfMatch_Fails412AndChangesNothing()
    {
        var table = await azurite.CreateTableAsync();
        var stale = await table.AddEntityAsync(new TableEntity("p", "guarded") { ["V"] = 1 });
        await table.UpdateEntityAsync(new TableEntity("p", "guarded") { ["V"] = 2 }, ETag.All);

        var ex = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "new")),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("p", "guarded") { ["V"] = 3 }, stale.Headers.ETag!.Value),
        ]));

        output.WriteLine(ex.Message);
        Assert.Equal(412, ex.Status);
        Assert.Equal("UpdateConditionNotSatisfied", ex.ErrorCode);
        Assert.Equal(1, ex.FailedTransactionActionIndex);
        Assert.Equal(["guarded"], await RowKeysAsync(table, "p"));
        Assert.Equal(2, (await table.GetEntityAsync<TableEntity>("p", "guarded")).Value.GetInt32("V"));
    }

    [Fact(Timeout = 60_000)]
    public async Task SubmitTransactionAsync_HundredAdds_AllStored()
    {
        var table = await azurite.CreateTableAsync();
        var actions = Enumerable.Range(0, 100)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"r{i:D3}") { ["I"] = i }))
            .ToList();

        var result = await table.SubmitTransactionAsync(actions);

        Assert.Equal(100, result.Value.Count);
        Assert.All(result.Value, r => Assert.Equal(204, r.Status));
        Assert.Equal(100, (await RowKeysAsync(table, "p")).Count);
    }

    private static async Task<List<string>> RowKeysAsync(TableClient table, string partitionKey)
    {
        var keys = new List<string>();
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}"), select: ["RowKey"]))
        {
            keys.Add(e.RowKey);
        }

        return keys;
    }
}
