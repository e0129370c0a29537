using Azure.Data.Tables;
using Herald.Host.Authentication;
using Herald.Host.Tests.Infrastructure;
using Herald.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Herald.Host.Tests.Authentication;

[Collection(AzuriteCollection.Name)]
public sealed class TableApiKeyStoreTests(AzuriteFixture azurite)
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
    private readonly string _tableName = StorageNames.UniqueTableName("apikeys");

    [Fact(Timeout = 60_000)]
    public async Task FindAsync_CreatedKey_ReturnsItsOwner()
    {
        var store = CreateStore();

        var key = await store.CreateAsync("tenant-a", "crm-sync");
        var owner = await store.FindAsync(key);

        Assert.Equal(new ApiKeyOwner("tenant-a", "crm-sync"), owner);
        Assert.StartsWith("hk_", key, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task CreateAsync_Row_HoldsOnlyTheHashOwnerNameAndTime()
    {
        var store = CreateStore();

        var key = await store.CreateAsync("tenant-a", "crm-sync");

        var row = Assert.Single(await Table().QueryAsync<TableEntity>().ToListAsync());
        Assert.Equal(ApiKeys.Hash(key), row.RowKey);
        Assert.Equal("tenant-a", row.GetString("TenantId"));
        Assert.Equal("crm-sync", row.GetString("Name"));
        Assert.Equal(_clock.GetUtcNow(), row.GetDateTimeOffset("Created"));
        Assert.DoesNotContain(((IDictionary<string, object>)row).Values, v => v is string s && s.Contains(key[3..], StringComparison.Ordinal));
    }

    [Theory(Timeout = 60_000)]
    [InlineData("hk_never-issued")]
    [InlineData("")]
    public async Task FindAsync_UnknownKey_ReturnsNull(string key)
    {
        var store = CreateStore();
        await store.CreateAsync("tenant-a", "crm-sync");

        Assert.Null(await store.FindAsync(key));
        Assert.Null(await store.FindAsync(new string('k', ApiKeys.MaxLength + 1)));
    }

    [Fact(Timeout = 60_000)]
    public async Task FindAsync_ConfiguredKey_StillWorksBesideTheTable()
    {
        var store = CreateStore();

        var owner = await store.FindAsync(TestSettings.ApiKey);

        Assert.Equal(new ApiKeyOwner(TestSettings.ApiKeyTenant, "billing-service"), owner);
    }

    [Fact(Timeout = 60_000)]
    public async Task RevokeAsync_CreatedKey_NoLongerFound()
    {
        var store = CreateStore();
        var key = await store.CreateAsync("tenant-a", "crm-sync");

        Assert.True(await store.RevokeAsync(ApiKeys.Hash(key)));
        Assert.False(await store.RevokeAsync(ApiKeys.Hash(key)));
        Assert.Null(await store.FindAsync(key));
    }

    [Fact(Timeout = 60_000)]
    public async Task FindAsync_UsedOftenWithinAMinute_WritesLastUsedOncePerMinute()
    {
        var store = CreateStore();
        var issued = await store.IssueAsync("tenant-a", "crm-sync", readOnly: true);
        var start = _clock.GetUtcNow();

        Assert.Equal(new ApiKeyOwner("tenant-a", "crm-sync", ReadOnly: true), await store.FindAsync(issued.Key));
        var touched = await RowAsync(issued.Key);
        _clock.Advance(TimeSpan.FromSeconds(30));
        await store.FindAsync(issued.Key);
        await store.FindAsync(issued.Key);
        var unchanged = await RowAsync(issued.Key);
        _clock.Advance(TimeSpan.FromSeconds(31));
        await store.FindAsync(issued.Key);

        Assert.Equal(start, touched.GetDateTimeOffset("LastUsed"));
        Assert.Equal(touched.ETag, unchanged.ETag);
        Assert.Equal(start.AddSeconds(61), (await RowAsync(issued.Key)).GetDateTimeOffset("LastUsed"));
        Assert.Equal(start.AddSeconds(61), Assert.Single(await store.ListAsync("tenant-a")).LastUsed);
    }

    [Fact(Timeout = 60_000)]
    public async Task RevokeAsync_ById_OnlyTheOwnersKey()
    {
        var store = CreateStore();
        var issued = await store.IssueAsync("tenant-a", "crm-sync", readOnly: false);

        Assert.Null(await store.RevokeAsync("tenant-b", issued.ApiKey.Id));
        Assert.NotNull(await store.FindAsync(issued.Key));
        Assert.Equal(issued.ApiKey.Id, (await store.RevokeAsync("tenant-a", issued.ApiKey.Id))?.Id);
        Assert.Null(await store.FindAsync(issued.Key));
        Assert.Empty(await store.ListAsync("tenant-a"));
    }

    private async Task<TableEntity> RowAsync(string key) => (await Table().GetEntityAsync<TableEntity>("apikey", ApiKeys.Hash(key))).Value;

    private TableClient Table() => azurite.CreateTableServiceClient().GetTableClient(_tableName);

    private TableApiKeyStore CreateStore()
    {
        var configured = new InMemoryApiKeyStore(new StaticOptionsMonitor<HeraldAuthOptions>(new HeraldAuthOptions
        {
            ApiKeys = [new ApiKeyEntry { Name = "billing-service", TenantId = TestSettings.ApiKeyTenant, Sha256 = ApiKeys.Hash(TestSettings.ApiKey) }],
        }));
        return new TableApiKeyStore(azurite.CreateTableServiceClient(), configured, _clock, _tableName);
    }
}
