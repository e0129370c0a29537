using System.Net;
using Azure;
using Herald.Storage.Tables;
using Herald.Storage.Tests.Pipeline;
using Herald.Testing;

namespace Herald.Storage.Tests.Tables;

[Collection(AzuriteCollection.Name)]
public sealed class TableKeyTests(AzuriteFixture azurite)
{
    public static TheoryData<string, string> AwkwardKeys => new()
    {
        { "O'Brien's", "it''s ''quoted''" },
        { "with spaces", "  leading and trailing  " },
        { "Müller-Łódź", "日本語のキー" },
        { "emoji 🎉", "percent %25 plus + amp & eq = comma , semicolon ; paren ()" },
        { "p", "'" },
        { "a',b", "x',y')" },
    };

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(AwkwardKeys))]
    public async Task EntityOperations_AwkwardKeys_RoundTrip(string partitionKey, string rowKey)
    {
        var table = await azurite.CreateTableAsync();

        var added = await table.AddEntityAsync(new TableEntity(partitionKey, rowKey) { ["V"] = 1 });
        var read = (await table.GetEntityAsync<TableEntity>(partitionKey, rowKey)).Value;
        var updated = await table.UpdateEntityAsync(new TableEntity(partitionKey, rowKey) { ["V"] = 2 }, added.Headers.ETag!.Value);
        var filtered = await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey eq {rowKey}")).ToListAsync();
        var deleted = await table.DeleteEntityAsync(partitionKey, rowKey, updated.Headers.ETag!.Value);

        Assert.Equal(partitionKey, read.PartitionKey);
        Assert.Equal(rowKey, read.RowKey);
        var hit = Assert.Single(filtered);
        Assert.Equal(2, hit.GetInt32("V"));
        Assert.Equal(rowKey, hit.RowKey);
        Assert.Equal(204, deleted.Status);
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey)).HasValue);
    }

    [Fact(Timeout = 60_000)]
    public async Task SubmitTransactionAsync_AwkwardKeys_RoundTrip()
    {
        var table = await azurite.CreateTableAsync();
        const string pk = "Zoë's 'group' ü";
        var existing = await table.AddEntityAsync(new TableEntity(pk, "to update 'x'"));
        await table.AddEntityAsync(new TableEntity(pk, "to delete é"));

        await table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity(pk, "new 'one' 日本")),
            new(TableTransactionActionType.UpdateMerge, new TableEntity(pk, "to update 'x'") { ["V"] = 1 }, existing.Headers.ETag!.Value),
            new(TableTransactionActionType.Delete, new TableEntity(pk, "to delete é")),
            new(TableTransactionActionType.UpsertReplace, new TableEntity(pk, "upsert space") { ["V"] = 2 }),
        ]);

        var rows = await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {pk}")).ToListAsync();
        Assert.Equal(["new 'one' 日本", "to update 'x'", "upsert space"], rows.Select(r => r.RowKey).Order(StringComparer.Ordinal));
        Assert.Equal(1, rows.Single(r => r.RowKey == "to update 'x'").GetInt32("V"));
    }

    [Fact(Timeout = 60_000)]
    public async Task SubmitTransactionAsync_RowKeyWithQuoteCommaOnAzurite_RefusedBeforeAnyRequest()
    {
        // Azurite would write this upsert under the PartitionKey "a',b',RowKey='r'" (see TableClient.Transactions).
        var table = await azurite.CreateTableAsync();
        const string pk = "a',b";

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.UpsertReplace, new TableEntity(pk, "r',s") { ["V"] = 2 }),
        ]));
        await table.SubmitTransactionAsync([new(TableTransactionActionType.UpsertReplace, new TableEntity(pk, "plain") { ["V"] = 1 })]);
        await table.UpsertEntityAsync(new TableEntity(pk, "r',s") { ["V"] = 2 });

        var rows = await table.QueryAsync<TableEntity>().ToListAsync();
        Assert.Contains("Azurite", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(pk, r.PartitionKey));
        Assert.Equal(2, (await table.GetEntityAsync<TableEntity>(pk, "r',s")).Value.GetInt32("V"));
    }

    [Fact(Timeout = 60_000)]
    public async Task Keys_At1KiB_AcceptedAndLongerRefused()
    {
        var table = await azurite.CreateTableAsync();
        var longest = new string('k', 512);

        await table.AddEntityAsync(new TableEntity(longest, longest));
        var read = (await table.GetEntityAsync<TableEntity>(longest, longest)).Value;
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(new TableEntity("p", longest + "k")));

        Assert.Equal(longest, read.RowKey);
        Assert.Contains("RowKey", ex.Message, StringComparison.Ordinal);
        Assert.Contains("1 KiB", ex.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> ForbiddenKeys => new() { "a/b", "a\\b", "a#b", "a?b", "tab\t", "nul\0", "del\u007f", "c1\u0085", "c1end\u009f", "bell\u0007" };

    [Theory(Timeout = 30_000)]
    [MemberData(nameof(ForbiddenKeys))]
    public async Task EveryOperation_ForbiddenKeyCharacter_ArgumentExceptionAndNoRequest(string badKey)
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Status(HttpStatusCode.NoContent));
        var table = new TableClient(
            new Uri("http://127.0.0.1:1/devstoreaccount1"),
            "t",
            new StorageSharedKeyCredential(StorageConnectionString.DevelopmentAccountName, StorageConnectionString.DevelopmentAccountKey),
            RetryPolicyTests.TableOptions(handler));

        var pkError = await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(new TableEntity(badKey, "r")));
        var rkError = await Assert.ThrowsAsync<ArgumentException>(() => table.UpsertEntityAsync(new TableEntity("p", badKey)));
        await Assert.ThrowsAsync<ArgumentException>(() => table.UpdateEntityAsync(new TableEntity("p", badKey), ETag.All));
        await Assert.ThrowsAsync<ArgumentException>(() => table.DeleteEntityAsync(badKey, "r"));
        await Assert.ThrowsAsync<ArgumentException>(() => table.GetEntityAsync<TableEntity>("p", badKey));
        await Assert.ThrowsAsync<ArgumentException>(() => table.GetEntityIfExistsAsync<TableEntity>(badKey, "r"));

        Assert.Equal(0, handler.Count);
        Assert.Contains("PartitionKey", pkError.Message, StringComparison.Ordinal);
        Assert.Contains("RowKey", rkError.Message, StringComparison.Ordinal);
        Assert.Contains("U+", rkError.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task AddEntityAsync_NullKey_ArgumentNullException()
    {
        var table = new TableClient(new Uri("http://127.0.0.1:1/devstoreaccount1"), "t", new StorageSharedKeyCredential("a", StorageConnectionString.DevelopmentAccountKey));

        await Assert.ThrowsAsync<ArgumentNullException>(() => table.AddEntityAsync(new TableEntity { RowKey = "r" }));
    }
}
