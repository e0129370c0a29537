using Herald.Core.Domain;
using Herald.Core.Outcomes;
using Herald.Engine.Model;
using Herald.Engine.Persistence;
using Herald.Engine.Tests.Infrastructure;
using Herald.Testing;
using Herald.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Herald.Engine.Tests;

/// <summary>What keeps the actors alive: the sweeper and poison parking (scheduled starts: the campaign orchestration's tests).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LivenessTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string Tenant = "acme";

    [Fact(Timeout = 120_000)]
    public async Task LostTickMessages_SweeperRearmsOverdueAccounts_CampaignCompletes()
    {
        var platform = new FakePlatform();
        var prefix = EngineHarness.NewPrefix();
        string campaignId;
        await using (var paused = await EngineHarness.StartAsync(azurite, platform, output, workers: false, prefix: prefix))
        {
            await paused.RegisterBotsAsync(Tenant, 3);
            var campaign = await paused.Campaigns.CreateAsync(new(EngineHarness.Broadcast(Tenant), EngineHarness.Recipients(30)));
            campaignId = campaign.Id;

            // A crash between writing the account rows and putting their tick messages: the messages never exist.
            await paused.Services.GetRequiredService<EngineStorage>().Ticks.ClearMessagesAsync();
        }

        await using var engine = await EngineHarness.StartAsync(azurite, platform, output, prefix: prefix);
        var done = await engine.WaitForAsync(Tenant, campaignId, s => s.Status == "completed", TimeSpan.FromSeconds(60));

        Assert.Equal(30, done.Counts.Done);
        Assert.Empty(platform.DuplicatedRecipients);
    }

    [Fact(Timeout = 120_000)]
    public async Task GarbageTickMessage_ParkedInPoisonQueueAfterMaxDeliveries()
    {
        await using var engine = await EngineHarness.StartAsync(azurite, new FakePlatform(), output, configure: o =>
        {
            o.MessageVisibility = TimeSpan.FromSeconds(1);
            o.LeaseDuration = TimeSpan.FromSeconds(3);
            o.MaxDequeueCount = 3;
        });
        var storage = engine.Services.GetRequiredService<EngineStorage>();

        await storage.Ticks.SendMessageAsync("this is not a tick");

        var deadline = DateTime.UtcNow.AddSeconds(40);
        long poisoned = 0;
        while (DateTime.UtcNow < deadline && poisoned == 0)
        {
            await Task.Delay(500);
            poisoned = (await storage.Poison.GetPropertiesAsync()).Value.ApproximateMessagesCount;
        }

        Assert.Equal(1, poisoned);
        var parked = (await storage.Poison.ReceiveMessagesAsync(1)).Value.Single();
        Assert.Equal("this is not a tick", parked.MessageText);
        Assert.Equal(0, (await storage.Ticks.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact(Timeout = 120_000)]
    public async Task WorkerDiedWhileRecoveringAnEarlierDeadAttempt_NextTickCountsTheWorkOfBoth()
    {
        var platform = new FakePlatform();
        var prefix = EngineHarness.NewPrefix();
        string campaignId;
        await using (var stopped = await EngineHarness.StartAsync(azurite, platform, output, workers: false, prefix: prefix))
        {
            var account = (await stopped.RegisterBotsAsync(Tenant, 1)).Single();
            var campaign = await stopped.Campaigns.CreateAsync(new(EngineHarness.Broadcast(Tenant), EngineHarness.Recipients(20)));
            campaignId = campaign.Id;

            // What storage holds after two crashes: attempt "a1" finished 10 targets and died before writing its counters;
            // "a2" took over, adopted 5 of them, and died too (still recovering). 10 targets are left pending.
            var all = await stopped.AllTargetsAsync(Tenant, campaign.Id);
            for (var i = 0; i < 10; i++)
            {
                var t = all[i];
                t.Status = TargetStatus.Done;
                t.Attempt = i < 5 ? "a2" : "a1";
                t.AccountId = account;
                t.Achieved = nameof(DoneKind.Messaged);
                Assert.True(await stopped.Targets.TryCommitAsync(t));
            }

            // "a1" claimed them: its claim markers list them (a2 adopted without claiming again, so they are unchanged).
            foreach (var shard in all.Take(10).GroupBy(t => t.PartitionKey))
            {
                Assert.True(await stopped.Targets.TryCommitAsync([], new ClaimMarker(shard.Key, account, "a1", [.. shard.Select(t => t.RowKey)])));
            }

            var rows = stopped.Services.GetRequiredService<AccountStore>();
            var row = (await rows.GetAsync(Tenant, account))!;
            row.LeaseId = "a2";
            row.LeaseUntil = DateTimeOffset.UtcNow.AddSeconds(-1);
            row.Unrecovered = ["a1"];
            Assert.True(await rows.TryReplaceAsync(row));
        }

        await using var engine = await EngineHarness.StartAsync(azurite, platform, output, prefix: prefix);
        var done = await engine.WaitForAsync(Tenant, campaignId, s => s.Status == "completed", TimeSpan.FromSeconds(60));

        Assert.Equal(10, platform.Calls.Count);
        Assert.Equal(20, done.Counts.Done);
        Assert.Equal(20, done.Processed);
    }
}
