using Azure;
using Azure.Data.Tables;
using Herald.Testing;

namespace Herald.Storage.Tests.Tables;

/// <summary>The table behaviour Herald's repositories build on, through the SDK against Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableConcurrencyAndPagingTests(AzuriteFixture azurite)
{
    [Fact(Timeout = 60_000)]
    public async Task UpdateEntityAsync_StaleETag_Throws412AndKeepsTheWinnersWrite()
    {
        var table = await azurite.CreateTableAsync();
        var first = await table.AddEntityAsync(new TableEntity("p", "r") { ["N"] = 1 });
        var second = await table.UpdateEntityAsync(new TableEntity("p", "r") { ["N"] = 2 }, first.Headers.ETag!.Value);

        var ex = await Assert.ThrowsAsync<RequestFailedException>(
            () => table.UpdateEntityAsync(new TableEntity("p", "r") { ["N"] = 3 }, first.Headers.ETag!.Value));

        Assert.Equal(412, ex.Status);
        Assert.Equal("UpdateConditionNotSatisfied", ex.ErrorCode);
        Assert.NotEqual(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(2, (await table.GetEntityAsync<TableEntity>("p", "r")).Value.GetInt32("N"));
    }

    [Fact(Timeout = 60_000)]
    public async Task AddEntityAsync_Twice_Throws409EntityAlreadyExists()
    {
        var table = await azurite.CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r")));

        Assert.Equal(409, ex.Status);
        Assert.Equal("EntityAlreadyExists", ex.ErrorCode);
    }

    [Fact(Timeout = 120_000)]
    public async Task QueryAsync_2500EntitiesAcrossPartitions_ReturnsAllAcrossContinuations()
    {
        var table = await azurite.CreateTableAsync();
        for (var p = 0; p < 25; p++)
        {
            await table.SubmitTransactionAsync(Enumerable.Range(0, 100).Select(r =>
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity($"p{p:D2}", $"r{r:D3}"))));
        }

        var pages = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var page in table.QueryAsync<TableEntity>().AsPages())
        {
            pages++;
            Assert.All(page.Values, e => Assert.True(seen.Add(e.PartitionKey + "|" + e.RowKey), "an entity came back twice"));
        }

        Assert.Equal(2500, seen.Count);
        Assert.True(pages >= 3, $"expected the service to page (at most 1,000 per page), got {pages} page(s)");
    }
}
