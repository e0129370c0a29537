using Herald.Engine.Campaigns;
using Herald.Engine.Tests.Infrastructure;
using Herald.Testing;
using Herald.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Herald.Engine.Tests;

/// <summary>The status every tick checks before its next action is read once for all the ticks waiting for it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CampaignStatusCacheTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    // With a thousand accounts on one campaign, each expiry of the cached status sent a read per tick that asked while
    // the first read was on its way: about one campaign read per action in `bench engine` (19,000 for 20,000 actions).
    [Fact(Timeout = 60_000)]
    public async Task GetAsync_FiftyTicksAskAtOnce_OneRead()
    {
        var counter = new RequestCounter();
        await using var engine = await EngineHarness.StartAsync(azurite, new FakePlatform(), output, workers: false, services: services => counter.CountTables(services, azurite.ConnectionString));
        var cache = engine.Services.GetRequiredService<CampaignStatusCache>();
        var campaignsTable = "/" + engine.Prefix + "campaigns(";

        counter.On = true;
        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => cache.GetAsync("tenant-a", "no-such-campaign")));
        counter.On = false;

        Assert.All(answers, a => Assert.Null(a));
        Assert.Single(counter.Requests, r => r.StartsWith("GET ", StringComparison.Ordinal) && r.Contains(campaignsTable, StringComparison.Ordinal));

        // Past the time a read is trusted, the next one reads again.
        await Task.Delay(CampaignStatusCache.TrustFor + TimeSpan.FromMilliseconds(50));
        counter.Reset();
        counter.On = true;
        Assert.Null(await cache.GetAsync("tenant-a", "no-such-campaign"));
        Assert.Single(counter.Requests, r => r.StartsWith("GET ", StringComparison.Ordinal) && r.Contains(campaignsTable, StringComparison.Ordinal));
    }
}
