using Herald.Host.Audit;
using Herald.Host.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Herald.Host.Tests.Audit;

public sealed class InMemoryAuditLogTests
{
    [Fact(Timeout = 60_000)]
    public async Task RecordAsync_Entries_KeptPerTenantWithClockTimeAndLogged()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
        using var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs));
        var audit = new InMemoryAuditLog(clock, loggerFactory.CreateLogger<InMemoryAuditLog>());

        await audit.RecordAsync("tenant-a", "tenant-a", "campaign.pause", "campaign", "c-1", new Dictionary<string, string> { ["reason"] = "manual" });
        clock.Advance(TimeSpan.FromMinutes(1));
        await audit.RecordAsync("tenant-b", "api-key:billing", "campaign.create", "campaign", "c-2");
        await audit.RecordAsync("tenant-a", "tenant-a", "campaign.resume", "campaign", "c-1");

        var entries = audit.EntriesFor("tenant-a");
        Assert.Equal(["campaign.pause", "campaign.resume"], entries.Select(e => e.Action));
        Assert.Equal(clock.GetUtcNow() - TimeSpan.FromMinutes(1), entries[0].At);
        Assert.Equal("manual", entries[0].Details!["reason"]);
        Assert.Single(audit.EntriesFor("tenant-b"));
        Assert.Contains("Audit: tenant tenant-b actor api-key:billing campaign.create campaign c-2", logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("manual", logs.AllText, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task RecordAsync_BeyondCapacity_KeepsNewest()
    {
        var audit = new InMemoryAuditLog(TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<InMemoryAuditLog>.Instance);

        for (var i = 0; i < InMemoryAuditLog.Capacity + 5; i++)
        {
            await audit.RecordAsync("t", "a", "x", "r", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var entries = audit.EntriesFor("t");
        Assert.Equal(InMemoryAuditLog.Capacity, entries.Count);
        Assert.Equal("5", entries[0].ResourceId);
    }

    [Fact(Timeout = 60_000)]
    public async Task ListAsync_Pages_NewestFirstPerTenant()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
        var audit = new InMemoryAuditLog(clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<InMemoryAuditLog>.Instance);
        foreach (var id in new[] { "c-1", "c-2", "c-3" })
        {
            await audit.RecordAsync("tenant-a", "user", "campaign.create", "campaign", id);
            await audit.RecordAsync("tenant-b", "user", "campaign.create", "campaign", id);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        var first = await audit.ListAsync("tenant-a", limit: 2);
        var second = await audit.ListAsync("tenant-a", limit: 2, first.Continuation);

        Assert.Equal(["c-3", "c-2"], first.Entries.Select(e => e.ResourceId));
        Assert.Equal(["c-1"], second.Entries.Select(e => e.ResourceId));
        Assert.Null(second.Continuation);
        Assert.All(first.Entries.Concat(second.Entries), e => Assert.Equal("tenant-a", e.TenantId));
    }

    [Fact(Timeout = 60_000)]
    public async Task AuditLog_InTheHostWithoutStorage_IsTheInMemoryOne()
    {
        await using var factory = await HeraldApiFactory.StartAsync();

        Assert.Same(factory.Services.GetRequiredService<InMemoryAuditLog>(), factory.Services.GetRequiredService<IAuditLog>());
    }
}
