using Herald.Engine.Campaigns;
using Herald.Engine.Persistence;
using Herald.Engine.Tests.Infrastructure;
using Herald.Testing;
using Herald.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Herald.Engine.Tests;

/// <summary>Campaign completion's repair of a drained campaign, against real Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CampaignCompletionTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string Tenant = "acme";

    [Fact(Timeout = 60_000)]
    public async Task TryComplete_PendingTargetsInSeveralShardsMarkedEmpty_OneLookOpensThemAll()
    {
        await using var engine = await EngineHarness.StartAsync(azurite, new FakePlatform(), output, workers: false, configure: o => o.TargetsPerShard = 10);
        var store = engine.Services.GetRequiredService<CampaignStore>();
        var created = await engine.Campaigns.CreateAsync(new(EngineHarness.Broadcast(Tenant), EngineHarness.Recipients(40)));
        Assert.Equal(4, created.Shards);
        // Every shard found empty while their targets were held, all of them back to pending since.
        var drained = await store.UpdateAsync(Tenant, created.Id, c => c.SetExhausted(0, true) | c.SetExhausted(1, true) | c.SetExhausted(2, true) | c.SetExhausted(3, true));
        Assert.True(drained!.AllShardsExhausted);

        await engine.Services.GetRequiredService<CampaignCompletion>().TryCompleteAsync(drained, signal: false);

        var row = await store.GetAsync(Tenant, created.Id);
        Assert.Equal("0000", row!.Exhausted);
        Assert.Equal(Model.CampaignStatus.Running, row.Status);
    }
}
