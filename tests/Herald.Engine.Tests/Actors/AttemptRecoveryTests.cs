using Azure.Core;
using Herald.Core.Domain;
using Herald.Core.Outcomes;
using Herald.Engine.Actors;
using Herald.Engine.Campaigns;
using Herald.Engine.Model;
using Herald.Engine.Persistence;
using Herald.Engine.Tests.Infrastructure;
using Herald.Testing;
using Herald.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Herald.Engine.Tests.Actors;

/// <summary>Recovery of a dead attempt reads what that attempt claimed, not the campaign's targets.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AttemptRecoveryTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int Claimed = 10;

    [Fact(Timeout = 120_000)]
    public async Task Recover_DeadAttemptInCampaignOf5000VersusOf100_SameRequestsAndNoScanOfTheTargets()
    {
        var counter = new RequestCounter();
        await using var engine = await EngineHarness.StartAsync(azurite, new FakePlatform(), output, workers: false,
            // The same shards for both sizes (shards are capped by MaxShards): what is left to differ is the campaign's size.
            configure: o => (o.MaxShards, o.TargetsPerShard) = (4, 25),
            services: services => counter.CountTables(services, azurite.ConnectionString));

        var small = await RecoverAsync(engine, counter, "small", 100);
        var large = await RecoverAsync(engine, counter, "large", 5000);

        output.WriteLine($"100 targets: {small.Count} requests; 5000 targets: {large.Count} requests");
        foreach (var request in large)
        {
            output.WriteLine(request);
        }

        var targetsTable = engine.Prefix + "targets";
        Assert.Equal(0, Queries(small, targetsTable));
        Assert.Equal(0, Queries(large, targetsTable));
        Assert.Equal(small.Count, large.Count);
    }

    private static int Queries(IReadOnlyList<string> requests, string table) =>
        requests.Count(r => r.StartsWith("GET ", StringComparison.Ordinal) && r.Contains("/" + table + "()", StringComparison.Ordinal));

    /// <summary>
    /// One bot's attempt claims 10 targets, finishes 4, has 1 at the platform and dies; the next attempt recovers it.
    /// Returns the requests of the recovery, after checking it did its work.
    /// </summary>
    private async Task<IReadOnlyList<string>> RecoverAsync(EngineHarness engine, RequestCounter counter, string tenant, int size)
    {
        var account = (await engine.RegisterBotsAsync(tenant, 1)).Single();
        var campaign = await engine.Campaigns.CreateAsync(new NewCampaign(EngineHarness.Broadcast(tenant), EngineHarness.Recipients(size)));
        Assert.Equal(4, campaign.Shards);
        var claims = engine.Services.GetRequiredService<TargetClaims>();
        var claim = await claims.ClaimAsync(account, campaign, new AttemptClaims("dead", account), Claimed, DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.Equal(Claimed, claim.Targets.Count);
        var claimed = claim.Targets;
        for (var i = 0; i < 5; i++)
        {
            var t = claimed[i];
            if (i < 4)
            {
                t.Status = TargetStatus.Done;
                t.Achieved = nameof(DoneKind.Messaged);
            }

            t.Started = true;
            Assert.True(await engine.Targets.TryCommitAsync(t));
        }

        var row = (await engine.Services.GetRequiredService<AccountStore>().GetAsync(tenant, account))!;
        row.LeaseId = "next";
        row.Unrecovered = ["dead"];
        var touched = new HashSet<string>(StringComparer.Ordinal);
        counter.Reset();
        counter.On = true;
        await engine.Services.GetRequiredService<AttemptRecovery>().RecoverAsync(row, new AttemptClaims("next", account), touched, CancellationToken.None);
        counter.On = false;

        // Every claimed target adopted: 4 finished ones counted, the one at the platform unknown (at-most-once), 5 back to pending.
        var after = new List<TargetRecord>();
        foreach (var t in claimed)
        {
            after.Add((await engine.Targets.GetAsync(t.PartitionKey, t.RowKey))!);
        }

        Assert.Equal([campaign.Id], touched);
        Assert.Equal(4, row.Campaigns[campaign.Id].Done);
        Assert.Equal(4, after.Count(t => t is { Status: TargetStatus.Done, Attempt: "next" }));
        Assert.Equal(1, after.Count(t => t is { Status: TargetStatus.Unknown, Attempt: "next", Reason: TargetTransitions.AttemptDiedReason }));
        Assert.Equal(5, after.Count(t => t.Status == TargetStatus.Pending));
        return counter.Requests;
    }
}
