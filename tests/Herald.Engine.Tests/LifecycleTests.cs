using System.Collections.Concurrent;
using Herald.Core.Domain;
using Herald.Core.Outcomes;
using Herald.Engine.Campaigns;
using Herald.Engine.Model;
using Herald.Engine.Tests.Infrastructure;
using Herald.Testing;
using Herald.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Herald.Engine.Tests;

/// <summary>Pause, resume, cancel, waiting and preparation against real Azurite (scheduled starts: the orchestration's tests in Herald.Host.Tests).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LifecycleTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string Tenant = "acme";

    [Theory(Timeout = 120_000)]
    [InlineData(2, 2, 30, 400)]
    [InlineData(5, 10, 80, 1000)] // ticks may go on for 5 s and the bots are slow: each claims several seconds' worth at once
    public async Task Pause_WhileRunning_AtMostOneMoreActionPerAccountThenResumeFinishesOnce(int tickSeconds, int sendWindowSeconds, int latencyMs, int recipients)
    {
        var platform = new FakePlatform { Latency = TimeSpan.FromMilliseconds(latencyMs) };
        await using var engine = await EngineHarness.StartAsync(azurite, platform, output, configure: o =>
        {
            o.MaxBotTickDuration = TimeSpan.FromSeconds(tickSeconds);
            o.MaxBotSendWindow = TimeSpan.FromSeconds(sendWindowSeconds);
        });
        await engine.RegisterBotsAsync(Tenant, 4);
        var campaign = await engine.Campaigns.CreateAsync(new(EngineHarness.Broadcast(Tenant), EngineHarness.Recipients(recipients)));
        await engine.WaitForAsync(Tenant, campaign.Id, s => s.Counts.Done >= 40, TimeSpan.FromSeconds(60));

        var paused = await engine.Campaigns.PauseAsync(Tenant, campaign.Id);
        var startedAtPause = platform.Started;
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Null(paused.Conflict);
        Assert.Equal(CampaignStatus.Paused, paused.Campaign!.Status);
        Assert.InRange(platform.Started - startedAtPause, 0, 4);
        var whilePaused = await engine.Status.GetAsync(Tenant, campaign.Id);
        Assert.Equal("paused", whilePaused!.Status);
        Assert.True(whilePaused.Remaining > 0);
        var startedWhilePaused = platform.Started;
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(startedWhilePaused, platform.Started);

        var resumed = await engine.Campaigns.ResumeAsync(Tenant, campaign.Id);
        Assert.Equal(CampaignStatus.Running, resumed.Campaign!.Status);
        var done = await engine.WaitForAsync(Tenant, campaign.Id, s => s.Status == "completed", TimeSpan.FromSeconds(90));
        Assert.Equal(recipients, done.Counts.Done);
        Assert.Empty(platform.DuplicatedRecipients);
        Assert.Equal(recipients, platform.Calls.Count);
    }

    [Fact(Timeout = 120_000)]
    public async Task Controls_RepeatedAndConcurrent_AreIdempotentAndCancelCountsTheRest()
    {
        var platform = new FakePlatform { Latency = TimeSpan.FromMilliseconds(20) };
        await using var engine = await EngineHarness.StartAsync(azurite, platform, output);
        await engine.RegisterBotsAsync(Tenant, 3);
        var campaign = await engine.Campaigns.CreateAsync(new(EngineHarness.Broadcast(Tenant), EngineHarness.Recipients(500)));
        await engine.WaitForAsync(Tenant, campaign.Id, s => s.Counts.Done >= 20, TimeSpan.FromSeconds(60));

        var pauses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => engine.Campaigns.PauseAsync(Tenant, campaign.Id)));
        Assert.All(pauses, p => Assert.Equal(CampaignStatus.Paused, p.Campaign!.Status));
        Assert.All(pauses, p => Assert.Null(p.Conflict));

        var resumes = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => engine.Campaigns.ResumeAsync(Tenant, campaign.Id)));
        Assert.All(resumes, r => Assert.Equal(CampaignStatus.Running, r.Campaign!.Status));
        Assert.All(resumes, r => Assert.Null(r.Conflict));

        var mixed = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => i % 2 == 0
            ? engine.Campaigns.CancelAsync(Tenant, campaign.Id)
            : engine.Campaigns.CancelAsync(Tenant, campaign.Id)));
        Assert.All(mixed, c => Assert.Equal(CampaignStatus.Cancelled, c.Campaign!.Status));
        var startedAtCancel = platform.Started;
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.InRange(platform.Started - startedAtCancel, 0, 3);

        var status = await engine.Status.GetAsync(Tenant, campaign.Id);
        Assert.Equal("cancelled", status!.Status);
        Assert.Equal(500, status.Counts.Done + status.Counts.Cancelled);
        Assert.Equal(0, status.Remaining);
        Assert.Equal(platform.Calls.Count(c => c.Outcome is ActionOutcome.Done), status.Counts.Done);

        var resumeCancelled = await engine.Campaigns.ResumeAsync(Tenant, campaign.Id);
        Assert.NotNull(resumeCancelled.Conflict);
        Assert.Equal(CampaignStatus.Cancelled, resumeCancelled.Campaign!.Status);
        Assert.True((await engine.Campaigns.PauseAsync(Tenant, "no-such-campaign")).NotFound);
    }

    [Fact(Timeout = 120_000)]
    public async Task AllAccountsRateLimited_CampaignWaitsWithResumeTimeThenContinuesByItself()
    {
        var limitedOnce = new ConcurrentDictionary<string, bool>();
        var platform = new FakePlatform
        {
            Script = (account, _) => limitedOnce.TryAdd(account.AccountId, true)
                ? new ActionOutcome.RateLimited(TimeSpan.FromSeconds(5))
                : new ActionOutcome.Done(DoneKind.Messaged),
        };
        await using var engine = await EngineHarness.StartAsync(azurite, platform, output);
        await engine.RegisterBotsAsync(Tenant, 3);
        var campaign = await engine.Campaigns.CreateAsync(new(EngineHarness.Broadcast(Tenant), EngineHarness.Recipients(60)));

        var waiting = await engine.WaitForAsync(Tenant, campaign.Id, s => s.Status == "waiting", TimeSpan.FromSeconds(30));
        Assert.Equal("all_accounts_resting", waiting.WaitingReason);
        Assert.NotNull(waiting.ResumeAt);
        Assert.InRange(waiting.ResumeAt!.Value, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddSeconds(10));
        Assert.All(waiting.Accounts, a => Assert.Equal("cooldown", a.Status));

        var done = await engine.WaitForAsync(Tenant, campaign.Id, s => s.Status == "completed", TimeSpan.FromSeconds(60));
        Assert.Equal(60, done.Counts.Done);
        Assert.Equal(3, done.Counts.FloodWaits);
        Assert.Empty(platform.DuplicatedRecipients);
        foreach (var account in platform.Calls.GroupBy(c => c.AccountId))
        {
            // Each account's FloodWait is honoured in full before it acts again.
            var limitedAt = account.Single(c => c.Outcome is ActionOutcome.RateLimited).StartedAt;
            Assert.All(account.Where(c => c.Outcome is ActionOutcome.Done), c => Assert.True(c.StartedAt >= limitedAt.AddSeconds(5), $"{account.Key} acted before its FloodWait ended"));
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task AccountAddedMidRun_JoinsAtOnce()
    {
        var platform = new FakePlatform
        {
            Script = (account, _) => account.AccountId == "bot000"
                ? new ActionOutcome.RateLimited(TimeSpan.FromMinutes(30))
                : new ActionOutcome.Done(DoneKind.Messaged),
        };
        await using var engine = await EngineHarness.StartAsync(azurite, platform, output);
        await engine.RegisterBotsAsync(Tenant, 1);
        var campaign = await engine.Campaigns.CreateAsync(new(EngineHarness.Broadcast(Tenant), EngineHarness.Recipients(30)));
        var waiting = await engine.WaitForAsync(Tenant, campaign.Id, s => s.Status == "waiting", TimeSpan.FromSeconds(30));
        Assert.True(waiting.ResumeAt > DateTimeOffset.UtcNow.AddMinutes(20));

        await engine.Accounts.RegisterAsync(new Accounts.NewAccount(Tenant, "late", PlatformKind.Telegram, AccountKind.Bot, "ref-late"));
        var done = await engine.WaitForAsync(Tenant, campaign.Id, s => s.Status == "completed", TimeSpan.FromSeconds(60));

        Assert.Equal(30, done.Counts.Done);
        Assert.All(platform.Calls.Where(c => c.Outcome is ActionOutcome.Done), c => Assert.Equal("late", c.AccountId));
    }

    [Fact(Timeout = 120_000)]
    public async Task Preparing_AccountsWaitForTheTargets_ChunksWrittenTwiceCountOnce_CancelledMeanwhileReportsEveryoneCancelled()
    {
        var platform = new FakePlatform();
        await using var engine = await EngineHarness.StartAsync(azurite, platform, output);
        await engine.RegisterBotsAsync(Tenant, 2);
        var recipients = CampaignService.Unique(EngineHarness.Recipients(25));
        var running = await engine.Campaigns.CreatePreparingAsync(new(EngineHarness.Broadcast(Tenant), recipients), "import-a");
        var cancelled = await engine.Campaigns.CreatePreparingAsync(new(EngineHarness.Broadcast(Tenant), recipients), "import-b");
        Assert.Equal("preparing", (await engine.Status.GetAsync(Tenant, running.Id))!.Status);

        // Chunks as the orchestration writes them; one written again (a repeated activity after a crash) changes nothing.
        Assert.Equal(0, await engine.Campaigns.PrepareChunkAsync(Tenant, running.Id, recipients, 0, 10));
        Assert.Equal(0, await engine.Campaigns.PrepareChunkAsync(Tenant, running.Id, recipients, 0, 10));
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Empty(platform.Calls);
        Assert.Equal(10, (await engine.Status.GetAsync(Tenant, running.Id))!.Prepared);
        Assert.Equal(0, await engine.Campaigns.PrepareChunkAsync(Tenant, running.Id, recipients, 10, 15));

        // Cancelled while preparing: still written (so the report lists everyone), never acted on.
        await engine.Campaigns.CancelAsync(Tenant, cancelled.Id);
        await engine.Campaigns.PrepareChunkAsync(Tenant, cancelled.Id, recipients, 0, 25);
        Assert.NotNull(await engine.Campaigns.FinishPreparingAsync(Tenant, cancelled.Id, 25, 0));
        var ended = (await engine.Status.GetAsync(Tenant, cancelled.Id))!;
        Assert.Equal("cancelled", ended.Status);
        Assert.Equal(25, ended.Counts.Cancelled);
        var store = engine.Services.GetRequiredService<Persistence.CampaignStore>();
        Assert.Equal(25, await engine.Status.ReportAsync((await store.GetAsync(Tenant, cancelled.Id))!).CountAsync());

        // Finished: the accounts start; finishing again changes nothing, and nothing is written once it is prepared.
        Assert.NotNull(await engine.Campaigns.FinishPreparingAsync(Tenant, running.Id, 25, 0));
        Assert.Null(await engine.Campaigns.FinishPreparingAsync(Tenant, running.Id, 25, 0));
        Assert.Null(await engine.Campaigns.PrepareChunkAsync(Tenant, running.Id, recipients, 0, 10));
        var done = await engine.WaitForAsync(Tenant, running.Id, s => s.Status == "completed", TimeSpan.FromSeconds(60));
        Assert.Equal(25, done.Counts.Done);
        Assert.Equal(25, platform.Calls.Count);
        Assert.Equal(25, (await engine.AllTargetsAsync(Tenant, running.Id)).Count);
    }
}
