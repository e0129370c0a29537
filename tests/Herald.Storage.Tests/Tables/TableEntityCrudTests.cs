using Azure;
using Herald.Storage.Tables;
using Herald.Testing;
using Xunit.Abstractions;

namespace Herald.Storage.Tests.Tables;

[Collection(AzuriteCollection.Name)]
public sealed class TableEntityCrudTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact(Timeout = 60_000)]
    public async Task AddEntityAsync_NewEntity_RoundTripsEveryEdmType()
    {
        var table = await azurite.CreateTableAsync();
        var when = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero).AddTicks(1234567);
        var id = Guid.NewGuid();
        var entity = new TableEntity("p", "r")
        {
            ["Text"] = "hello 'world'",
            ["Int"] = 42,
            ["Long"] = long.MaxValue - 1,
            ["Double"] = 3.0,
            ["Fraction"] = 2.5,
            ["Flag"] = true,
            ["When"] = when,
            ["Id"] = id,
            ["Bytes"] = new byte[] { 1, 2, 255 },
        };

        var added = await table.AddEntityAsync(entity);
        var read = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;

        output.WriteLine($"add status {added.Status}, etag {added.Headers.ETag}, read etag {read.ETag}");
        Assert.Equal(204, added.Status);
        Assert.Equal(added.Headers.ETag, read.ETag);
        Assert.Equal("hello 'world'", read.GetString("Text"));
        Assert.Equal(42, read.GetInt32("Int"));
        Assert.Equal(long.MaxValue - 1, read.GetInt64("Long"));
        Assert.Equal(3.0, read.GetDouble("Double"));
        Assert.IsType<double>(read["Double"]);
        Assert.Equal(2.5, read.GetDouble("Fraction"));
        Assert.True(read.GetBoolean("Flag"));
        Assert.Equal(when, read.GetDateTimeOffset("When"));
        Assert.Equal(id, read.GetGuid("Id"));
        Assert.Equal(new byte[] { 1, 2, 255 }, read.GetBinary("Bytes"));
        Assert.NotNull(read.Timestamp);
        Assert.Equal("p", read.PartitionKey);
        Assert.Equal("r", read.RowKey);
    }

    [Fact(Timeout = 60_000)]
    public async Task AddEntityAsync_Twice_Throws409EntityAlreadyExists()
    {
        var table = await azurite.CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r")));

        output.WriteLine(ex.Message);
        Assert.Equal(409, ex.Status);
        Assert.Equal("EntityAlreadyExists", ex.ErrorCode);
        Assert.Contains("x-ms-request-id", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.Data["x-ms-request-id"]);
    }

    [Fact(Timeout = 60_000)]
    public async Task UpdateEntityAsync_StaleETag_Throws412UpdateConditionNotSatisfied()
    {
        var table = await azurite.CreateTableAsync();
        var first = await table.AddEntityAsync(new TableEntity("p", "r") { ["N"] = 1 });
        var second = await table.UpdateEntityAsync(new TableEntity("p", "r") { ["N"] = 2 }, first.Headers.ETag!.Value);

        var ex = await Assert.ThrowsAsync<RequestFailedException>(
            () => table.UpdateEntityAsync(new TableEntity("p", "r") { ["N"] = 3 }, first.Headers.ETag!.Value));

        output.WriteLine(ex.Message);
        Assert.Equal(412, ex.Status);
        Assert.Equal("UpdateConditionNotSatisfied", ex.ErrorCode);
        Assert.NotEqual(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(2, (await table.GetEntityAsync<TableEntity>("p", "r")).Value.GetInt32("N"));
    }

    [Fact(Timeout = 60_000)]
    public async Task UpdateEntityAsync_MergeAndReplace_KeepOrDropOtherProperties()
    {
        var table = await azurite.CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = "b" });

        await table.UpdateEntityAsync(new TableEntity("p", "r") { ["B"] = "b2" }, ETag.All, TableUpdateMode.Merge);
        var merged = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;
        await table.UpdateEntityAsync(new TableEntity("p", "r") { ["C"] = "c" }, merged.ETag, TableUpdateMode.Replace);
        var replaced = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;

        Assert.Equal("a", merged.GetString("A"));
        Assert.Equal("b2", merged.GetString("B"));
        Assert.Null(replaced.GetString("A"));
        Assert.Null(replaced.GetString("B"));
        Assert.Equal("c", replaced.GetString("C"));
    }

    [Fact(Timeout = 60_000)]
    public async Task UpdateEntityAsync_MissingEntity_Throws404()
    {
        var table = await azurite.CreateTableAsync();

        var ex = await Assert.ThrowsAsync<RequestFailedException>(
            () => table.UpdateEntityAsync(new TableEntity("p", "missing"), ETag.All));

        Assert.Equal(404, ex.Status);
        Assert.Equal("ResourceNotFound", ex.ErrorCode);
    }

    [Fact(Timeout = 60_000)]
    public async Task UpdateEntityAsync_DefaultETag_ThrowsArgumentException()
    {
        var table = await azurite.CreateTableAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => table.UpdateEntityAsync(new TableEntity("p", "r"), default));
    }

    [Fact(Timeout = 60_000)]
    public async Task UpsertEntityAsync_MergeThenReplace_InsertsAndUpdates()
    {
        var table = await azurite.CreateTableAsync();

        var inserted = await table.UpsertEntityAsync(new TableEntity("p", "r") { ["A"] = 1 });
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["B"] = 2 }, TableUpdateMode.Merge);
        var merged = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["C"] = 3 }, TableUpdateMode.Replace);
        var replaced = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;

        Assert.NotNull(inserted.Headers.ETag);
        Assert.Equal(1, merged.GetInt32("A"));
        Assert.Equal(2, merged.GetInt32("B"));
        Assert.Null(replaced.GetInt32("A"));
        Assert.Equal(3, replaced.GetInt32("C"));
    }

    [Fact(Timeout = 60_000)]
    public async Task DeleteEntityAsync_WithStaleETag_Throws412AndKeepsEntity()
    {
        var table = await azurite.CreateTableAsync();
        var added = await table.AddEntityAsync(new TableEntity("p", "r"));
        await table.UpdateEntityAsync(new TableEntity("p", "r") { ["X"] = 1 }, ETag.All);

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.DeleteEntityAsync("p", "r", added.Headers.ETag!.Value));

        Assert.Equal(412, ex.Status);
        Assert.Equal("UpdateConditionNotSatisfied", ex.ErrorCode);
        Assert.True((await table.GetEntityIfExistsAsync<TableEntity>("p", "r")).HasValue);
    }

    [Fact(Timeout = 60_000)]
    public async Task DeleteEntityAsync_CurrentETagThenMissing_DeletesThen404WithoutThrowing()
    {
        var table = await azurite.CreateTableAsync();
        var added = await table.AddEntityAsync(new TableEntity("p", "r"));

        var deleted = await table.DeleteEntityAsync("p", "r", added.Headers.ETag!.Value);
        var again = await table.DeleteEntityAsync("p", "r");

        Assert.Equal(204, deleted.Status);
        Assert.Equal(404, again.Status);
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("p", "r")).HasValue);
    }

    [Fact(Timeout = 60_000)]
    public async Task GetEntityAsync_Missing_Throws404ResourceNotFound()
    {
        var table = await azurite.CreateTableAsync();

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityAsync<TableEntity>("p", "nope"));

        Assert.Equal(404, ex.Status);
        Assert.Equal("ResourceNotFound", ex.ErrorCode);
    }

    [Fact(Timeout = 60_000)]
    public async Task GetEntityIfExistsAsync_MissingAndPresent_NoValueThenValue()
    {
        var table = await azurite.CreateTableAsync();

        var missing = await table.GetEntityIfExistsAsync<TableEntity>("p", "r");
        await table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = "x" });
        var present = await table.GetEntityIfExistsAsync<TableEntity>("p", "r");

        Assert.False(missing.HasValue);
        Assert.Equal(404, missing.GetRawResponse().Status);
        Assert.True(present.HasValue);
        Assert.Equal("x", present.Value!.GetString("V"));
    }

    [Fact(Timeout = 60_000)]
    public async Task GetEntityAsync_WithSelect_ReturnsOnlySelectedProperties()
    {
        var table = await azurite.CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = "b" });

        var read = (await table.GetEntityAsync<TableEntity>("p", "r", select: ["A"])).Value;

        Assert.Equal("a", read.GetString("A"));
        Assert.False(read.ContainsKey("B"));
        Assert.NotEqual(default, read.ETag);
    }

    [Fact(Timeout = 60_000)]
    public async Task CreateIfNotExistsAsync_TwiceAndDelete_IsIdempotentAndDeletes()
    {
        var service = azurite.CreateTableServiceClient();
        var name = StorageNames.UniqueTableName("twice");

        var first = await service.CreateTableIfNotExistsAsync(name);
        var second = await service.CreateTableIfNotExistsAsync(name);
        var deleted = await service.DeleteTableAsync(name);
        var deletedAgain = await service.DeleteTableAsync(name);
        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => service.GetTableClient(name).AddEntityAsync(new TableEntity("p", "r")));

        Assert.Equal(name, first.Value.Name);
        Assert.Equal(204, first.GetRawResponse().Status);
        Assert.Equal(409, second.GetRawResponse().Status);
        Assert.Equal(204, deleted.Status);
        Assert.Equal(404, deletedAgain.Status);
        Assert.Equal(404, ex.Status);
        output.WriteLine(ex.Message);
    }
}
