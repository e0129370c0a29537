using System.Runtime.Serialization;
using Azure;
using Herald.Storage.Tables;
using Herald.Testing;

namespace Herald.Storage.Tests.Tables;

[Collection(AzuriteCollection.Name)]
public sealed class TablePocoTests(AzuriteFixture azurite)
{
    public enum Phase
    {
        Draft,
        Running,
    }

    public sealed class CampaignRow : ITableEntity
    {
        public string PartitionKey { get; set; } = string.Empty;

        public string RowKey { get; set; } = string.Empty;

        public DateTimeOffset? Timestamp { get; set; }

        public ETag ETag { get; set; }

        public string? Name { get; set; }

        public int Count { get; set; }

        public long Total { get; set; }

        public double Ratio { get; set; }

        public bool Active { get; set; }

        public DateTimeOffset StartedAt { get; set; }

        public DateTime CreatedUtc { get; set; }

        public Guid Id { get; set; }

        public byte[]? Blob { get; set; }

        public int? MaybeCount { get; set; }

        public long? MaybeTotal { get; set; }

        public DateTimeOffset? MaybeWhen { get; set; }

        public Guid? MaybeId { get; set; }

        public Phase Phase { get; set; }

        public Phase? MaybePhase { get; set; }

        [DataMember(Name = "renamed")]
        public string? Alias { get; set; }

        [IgnoreDataMember]
        public string? NotStored { get; set; }

        public string Computed => Name + "!";
    }

    [Fact(Timeout = 60_000)]
    public async Task AddAndGet_Poco_RoundTripsEverySupportedType()
    {
        var table = await azurite.CreateTableAsync();
        var row = new CampaignRow
        {
            PartitionKey = "tenant",
            RowKey = "c1",
            Name = "Spring",
            Count = 7,
            Total = 9_000_000_000,
            Ratio = 1.0,
            Active = true,
            StartedAt = new DateTimeOffset(2026, 5, 6, 7, 8, 9, TimeSpan.FromHours(2)),
            CreatedUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            Id = Guid.NewGuid(),
            Blob = [9, 8, 7],
            MaybeTotal = 5,
            MaybeId = Guid.NewGuid(),
            Phase = Phase.Running,
            MaybePhase = Phase.Draft,
            Alias = "aka",
            NotStored = "secret",
        };

        var added = await table.AddEntityAsync(row);
        var read = (await table.GetEntityAsync<CampaignRow>("tenant", "c1")).Value;
        var raw = (await table.GetEntityAsync<TableEntity>("tenant", "c1")).Value;

        Assert.Equal(added.Headers.ETag, read.ETag);
        Assert.NotNull(read.Timestamp);
        Assert.Equal(row.Name, read.Name);
        Assert.Equal(7, read.Count);
        Assert.Equal(9_000_000_000, read.Total);
        Assert.Equal(1.0, read.Ratio);
        Assert.True(read.Active);
        Assert.Equal(row.StartedAt, read.StartedAt);
        Assert.Equal(row.CreatedUtc, read.CreatedUtc);
        Assert.Equal(row.Id, read.Id);
        Assert.Equal(row.Blob, read.Blob);
        Assert.Null(read.MaybeCount);
        Assert.Equal(5, read.MaybeTotal);
        Assert.Null(read.MaybeWhen);
        Assert.Equal(row.MaybeId, read.MaybeId);
        Assert.Equal(Phase.Running, read.Phase);
        Assert.Equal(Phase.Draft, read.MaybePhase);
        Assert.Equal("aka", read.Alias);
        Assert.Null(read.NotStored);
        Assert.Equal("Running", raw.GetString("Phase"));
        Assert.Equal("aka", raw.GetString("renamed"));
        Assert.Equal(9_000_000_000, raw.GetInt64("Total"));
        Assert.False(raw.ContainsKey("NotStored"));
        Assert.False(raw.ContainsKey("Computed"));
        Assert.False(raw.ContainsKey("MaybeCount"));
    }

    [Fact(Timeout = 60_000)]
    public async Task QueryAndUpdate_Poco_UsesETagFromRead()
    {
        var table = await azurite.CreateTableAsync();
        await table.AddEntityAsync(new CampaignRow { PartitionKey = "t", RowKey = "a", Count = 1 });
        await table.AddEntityAsync(new CampaignRow { PartitionKey = "t", RowKey = "b", Count = 2 });

        var rows = await table.QueryAsync<CampaignRow>(TableClient.CreateQueryFilter($"Count ge {2}")).ToListAsync();
        var row = Assert.Single(rows);
        row.Count = 3;
        await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
        var stale = await Assert.ThrowsAsync<RequestFailedException>(() => table.UpdateEntityAsync(row, row.ETag));

        Assert.Equal(412, stale.Status);
        Assert.Equal(3, (await table.GetEntityAsync<CampaignRow>("t", "b")).Value.Count);
    }
}
