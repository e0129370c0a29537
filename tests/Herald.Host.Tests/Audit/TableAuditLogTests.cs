using Herald.Host.Audit;
using Herald.Host.Tests.Infrastructure;
using Herald.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Herald.Host.Tests.Audit;

[Collection(AzuriteCollection.Name)]
public sealed class TableAuditLogTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
    private readonly string _tenant = "tenant-" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _tableName = StorageNames.UniqueTableName("audit");
    private readonly AzuriteFixture _azurite;
    private readonly ITestOutputHelper _output;
    private readonly CapturingLoggerProvider _logs;
    private readonly ILoggerFactory _loggerFactory;

    public TableAuditLogTests(AzuriteFixture azurite, ITestOutputHelper output)
    {
        _azurite = azurite;
        _output = output;
        _logs = new CapturingLoggerProvider { Output = output };
        _loggerFactory = LoggerFactory.Create(b => b.AddProvider(_logs));
    }

    public void Dispose() => _loggerFactory.Dispose();

    [Fact(Timeout = 60_000)]
    public async Task ListAsync_AfterRecords_ReturnsNewestFirstWithEveryField()
    {
        var audit = CreateLog();
        await audit.RecordAsync(_tenant, "user-1", "campaign.create", "campaign", "c-1", new Dictionary<string, string> { ["targets"] = "120" });
        _clock.Advance(TimeSpan.FromSeconds(1));
        await audit.RecordAsync(_tenant, "api-key:billing", "campaign.pause", "campaign", "c-1");

        var page = await audit.ListAsync(_tenant);

        Assert.Null(page.Continuation);
        Assert.Equal(["campaign.pause", "campaign.create"], page.Entries.Select(e => e.Action));
        var created = page.Entries[1];
        Assert.Equal(_clock.GetUtcNow() - TimeSpan.FromSeconds(1), created.At);
        Assert.Equal((_tenant, "user-1", "campaign", "c-1"), (created.TenantId, created.Actor, created.ResourceType, created.ResourceId));
        Assert.Equal("120", created.Details!["targets"]);
        Assert.Null(page.Entries[0].Details);
        Assert.True(AuditKeys.IsValid(created.Id));
        Assert.Contains($"Audit: tenant {_tenant} actor user-1 campaign.create campaign c-1", _logs.AllText, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task ListAsync_Continuation_WalksEveryEntryOnceNewestFirst()
    {
        var audit = CreateLog();
        for (var i = 0; i < 7; i++)
        {
            await audit.RecordAsync(_tenant, "user-1", "campaign.resume", "campaign", $"c-{i}");
            _clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        var seen = new List<string>();
        var pages = 0;
        string? continuation = null;
        do
        {
            var page = await audit.ListAsync(_tenant, limit: 3, continuation);
            Assert.InRange(page.Entries.Count, 1, 3);
            seen.AddRange(page.Entries.Select(e => e.ResourceId));
            continuation = page.Continuation;
            pages++;
        }
        while (continuation is not null);

        Assert.Equal(3, pages);
        Assert.Equal(["c-6", "c-5", "c-4", "c-3", "c-2", "c-1", "c-0"], seen);
    }

    [Fact(Timeout = 60_000)]
    public async Task ListAsync_ExactlyOnePageOfEntries_HasNoContinuation()
    {
        var audit = CreateLog();
        await audit.RecordAsync(_tenant, "user-1", "campaign.cancel", "campaign", "c-1");
        await audit.RecordAsync(_tenant, "user-1", "campaign.cancel", "campaign", "c-2");

        var page = await audit.ListAsync(_tenant, limit: 2);

        Assert.Equal(2, page.Entries.Count);
        Assert.Null(page.Continuation);
    }

    [Fact(Timeout = 60_000)]
    public async Task ListAsync_OtherTenant_SeesNothingOfThisOne()
    {
        var audit = CreateLog();
        await audit.RecordAsync(_tenant, "user-1", "campaign.create", "campaign", "c-1");

        var other = await audit.ListAsync(_tenant + "-other");
        var mine = await audit.ListAsync(_tenant);

        Assert.Empty(other.Entries);
        Assert.Single(mine.Entries);
    }

    [Fact(Timeout = 60_000)]
    public async Task RecordAsync_SensitiveDetails_AreNotStored()
    {
        var audit = CreateLog();
        const string botToken = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
        await audit.RecordAsync(_tenant, "user-1", "account.add", "account", "a-1", new Dictionary<string, string>
        {
            ["botToken"] = botToken,
            ["note"] = "token " + botToken,
            ["phone"] = "+7 916 123-45-67",
            ["platform"] = "telegram-bot",
        });

        var stored = await _azurite.CreateTableServiceClient().GetTableClient(_tableName)
            .QueryAsync<Azure.Data.Tables.TableEntity>(Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {_tenant}"))
            .ToListAsync();

        var details = Assert.Single(stored).GetString("Details")!;
        _output.WriteLine(details);
        Assert.DoesNotContain("AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw", details, StringComparison.Ordinal);
        Assert.DoesNotContain("916", details, StringComparison.Ordinal);
        Assert.Contains("telegram-bot", details, StringComparison.Ordinal);
    }

    [Theory(Timeout = 60_000)]
    [InlineData(0, null)]
    [InlineData(AuditPage.MaxLimit + 1, null)]
    [InlineData(10, "not-a-continuation")]
    [InlineData(10, "9999999999999999999-zzzzzzzz")]
    public async Task ListAsync_BadArguments_Throw(int limit, string? continuation)
    {
        var audit = CreateLog();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => audit.ListAsync(_tenant, limit, continuation));
    }

    [Fact(Timeout = 60_000)]
    public async Task RecordAsync_MalformedTenant_Throws()
    {
        var audit = CreateLog();

        await Assert.ThrowsAsync<ArgumentException>(() => audit.RecordAsync("bad tenant'", "user-1", "campaign.create", "campaign", "c-1"));
    }

    private TableAuditLog CreateLog() =>
        new(_azurite.CreateTableServiceClient(), _clock, _loggerFactory.CreateLogger<TableAuditLog>(), _tableName);
}
