using Herald.Storage.Tables;
using Herald.Testing;
using Xunit.Abstractions;

namespace Herald.Storage.Tests.Tables;

[Collection(AzuriteCollection.Name)]
public sealed class TableQueryTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact(Timeout = 120_000)]
    public async Task QueryAsync_2500EntitiesAcrossPartitions_ReturnsAllAcrossContinuations()
    {
        var table = await azurite.CreateTableAsync();
        await SeedAsync(table, partitions: 25, perPartition: 100);

        var pages = 0;
        var seen = new HashSet<string>();
        await foreach (var page in table.QueryAsync<TableEntity>().AsPages())
        {
            pages++;
            foreach (var e in page.Values)
            {
                Assert.True(seen.Add(e.PartitionKey + "|" + e.RowKey), "an entity came back twice");
            }
        }

        output.WriteLine($"{seen.Count} entities in {pages} pages");
        Assert.Equal(2500, seen.Count);
        Assert.True(pages >= 3, $"expected the service to page (≤1,000 per page), got {pages} page(s)");
    }

    [Fact(Timeout = 120_000)]
    public async Task QueryAsync_SmallPagesWithFilter_FollowsContinuationsAndSkipsNothing()
    {
        var table = await azurite.CreateTableAsync();
        await SeedAsync(table, partitions: 5, perPartition: 60);

        var pages = 0;
        var keys = new List<string>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {"p01"} and N lt {50}");
        await foreach (var page in table.QueryAsync<TableEntity>(filter, maxPerPage: 7).AsPages())
        {
            pages++;
            Assert.True(page.Values.Count <= 7);
            keys.AddRange(page.Values.Select(e => e.PartitionKey + "|" + e.RowKey));
        }

        output.WriteLine($"{keys.Count} entities in {pages} pages");
        Assert.Equal(4 * 50, keys.Count);
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.True(pages >= 200 / 7);
    }

    [Fact(Timeout = 60_000)]
    public async Task QueryAsync_Select_ReturnsOnlySelectedColumns()
    {
        var table = await azurite.CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = "b", ["C"] = 3 });

        var rows = await table.QueryAsync<TableEntity>(select: ["RowKey", "C"]).ToListAsync();

        var row = Assert.Single(rows);
        Assert.Equal("r", row.RowKey);
        Assert.Equal(3, row.GetInt32("C"));
        Assert.False(row.ContainsKey("A"));
        Assert.False(row.ContainsKey("B"));
    }

    [Fact(Timeout = 60_000)]
    public async Task QueryAsync_TypedLiterals_MatchStoredTypes()
    {
        var table = await azurite.CreateTableAsync();
        var when = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var id = Guid.NewGuid();
        await table.AddEntityAsync(new TableEntity("p", "a") { ["L"] = 5_000_000_000L, ["W"] = when, ["G"] = id, ["B"] = true });
        await table.AddEntityAsync(new TableEntity("p", "b") { ["L"] = 1L, ["W"] = when.AddDays(-1), ["G"] = Guid.NewGuid(), ["B"] = false });

        var byLong = await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"L gt {4_000_000_000L}")).ToListAsync();
        var byDate = await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"W ge {when}")).ToListAsync();
        var byGuid = await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"G eq {id}")).ToListAsync();
        var byBool = await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"B eq {true}")).ToListAsync();

        Assert.Equal("a", Assert.Single(byLong).RowKey);
        Assert.Equal("a", Assert.Single(byDate).RowKey);
        Assert.Equal("a", Assert.Single(byGuid).RowKey);
        Assert.Equal("a", Assert.Single(byBool).RowKey);
    }

    private static async Task SeedAsync(TableClient table, int partitions, int perPartition)
    {
        await Parallel.ForEachAsync(Enumerable.Range(0, partitions), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (p, ct) =>
        {
            foreach (var chunk in Enumerable.Range(0, perPartition).Chunk(100))
            {
                await table.SubmitTransactionAsync(
                    chunk.Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity($"p{p:D2}", $"r{i:D4}") { ["N"] = i })),
                    ct);
            }
        });
    }
}
