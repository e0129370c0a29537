using Herald.Core.Domain;
using Herald.Core.Outcomes;
using Herald.Engine.Tests.Infrastructure;
using Herald.Testing;
using Herald.Testing.Fakes;
using Xunit.Abstractions;

namespace Herald.Engine.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class CampaignRunTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string Tenant = "acme";

    [Fact(Timeout = 120_000)]
    public async Task Create_BroadcastOverFiveBots_EveryRecipientMessagedOnceAndCompleted()
    {
        var platform = new FakePlatform();
        await using var engine = await EngineHarness.StartAsync(azurite, platform, output);
        await engine.RegisterBotsAsync(Tenant, 5);

        var campaign = await engine.Campaigns.CreateAsync(new(EngineHarness.Broadcast(Tenant), EngineHarness.Recipients(300)));
        var status = await engine.WaitForAsync(Tenant, campaign.Id, s => s.Status == "completed", TimeSpan.FromSeconds(90));

        Assert.Equal(300, status.Counts.Done);
        Assert.Equal(300, status.Counts.Messaged);
        Assert.Equal(0, status.Remaining);
        Assert.Equal(300, platform.Calls.Count);
        Assert.Empty(platform.DuplicatedRecipients);
        Assert.Equal(0, platform.Overlaps);
        Assert.Equal(5, platform.Calls.Select(c => c.AccountId).Distinct().Count());
        Assert.All(platform.Calls, c => Assert.Equal($"Hello {c.Recipient.Name}", c.Text));
        Assert.All(await engine.AllTargetsAsync(Tenant, campaign.Id), t => Assert.Equal(TargetStatus.Done, t.Status));
    }

    [Fact(Timeout = 120_000)]
    public async Task SlowPlatform_BatchHandsBackWhatItCannotSendInTime_EveryoneDoneNoneUnknown()
    {
        // A claim of 30 at 300 ms a call would outlast the tick's lease (8 s): the batch stops after a quarter of it,
        // hands the rest back and the next tick goes on; nothing is cut off mid-call and left unknown.
        var platform = new FakePlatform { Latency = TimeSpan.FromMilliseconds(300) };
        await using var engine = await EngineHarness.StartAsync(azurite, platform, output);
        await engine.RegisterBotsAsync(Tenant, 1);

        var campaign = await engine.Campaigns.CreateAsync(new(EngineHarness.Broadcast(Tenant), EngineHarness.Recipients(30)));
        var status = await engine.WaitForAsync(Tenant, campaign.Id, s => s.Status is "completed" or "completed_with_errors", TimeSpan.FromSeconds(90));

        Assert.Equal("completed", status.Status);
        Assert.Equal(30, status.Counts.Done);
        Assert.Equal(0, status.Counts.Unknown);
        Assert.Equal(30, platform.Calls.Count);
        Assert.Empty(platform.DuplicatedRecipients);
    }

    [Fact(Timeout = 120_000)]
    public async Task Create_WithFailures_CompletesWithErrorsAndReportListsReasons()
    {
        var platform = new FakePlatform
        {
            Script = (_, a) => a.Recipient.UserId % 10 == 0
                ? new ActionOutcome.RecipientGone("blocked_by_user")
                : a.Recipient.UserId % 10 == 1 ? new ActionOutcome.Permanent("chat_not_found")
                : new ActionOutcome.Done(DoneKind.Messaged),
        };
        await using var engine = await EngineHarness.StartAsync(azurite, platform, output);
        await engine.RegisterBotsAsync(Tenant, 3);

        var campaign = await engine.Campaigns.CreateAsync(new(EngineHarness.Broadcast(Tenant), EngineHarness.Recipients(100)));
        var status = await engine.WaitForAsync(Tenant, campaign.Id, s => s.Status == "completed_with_errors", TimeSpan.FromSeconds(90));

        Assert.Equal(80, status.Counts.Done);
        Assert.Equal(20, status.Counts.Failed);
        Assert.Equal(10, status.Reasons["gone: blocked_by_user"]);
        Assert.Equal(10, status.Reasons["permanent: chat_not_found"]);
        var report = new List<Campaigns.ReportRow>();
        await foreach (var row in engine.Status.ReportAsync((await engine.Campaigns.GetAsync(Tenant, campaign.Id))!))
        {
            report.Add(row);
        }

        Assert.Equal(20, report.Count);
        Assert.All(report, r => Assert.Equal("failed", r.Status));

        // Recipients who blocked the bot are suppressed: a second campaign to everyone skips them.
        var second = await engine.Campaigns.CreateAsync(new(EngineHarness.Broadcast(Tenant), EngineHarness.Recipients(100)));
        var again = await engine.WaitForAsync(Tenant, second.Id, s => s.Status is "completed" or "completed_with_errors", TimeSpan.FromSeconds(90));
        Assert.Equal(10, again.Counts.Skipped);
        Assert.Equal(10, again.Reasons["suppressed"]);
    }

    [Fact(Timeout = 120_000)]
    public async Task Create_DryRun_NoPlatformCallButEveryStepCounted()
    {
        var platform = new FakePlatform();
        await using var engine = await EngineHarness.StartAsync(azurite, platform, output);
        await engine.RegisterBotsAsync(Tenant, 2);

        var campaign = await engine.Campaigns.CreateAsync(new(EngineHarness.Broadcast(Tenant, dryRun: true), EngineHarness.Recipients(50)));
        var status = await engine.WaitForAsync(Tenant, campaign.Id, s => s.Status == "completed", TimeSpan.FromSeconds(60));

        Assert.True(status.DryRun);
        Assert.Equal(50, status.Counts.Done);
        Assert.Empty(platform.Calls);
    }

    [Fact(Timeout = 120_000)]
    public async Task Tick_AccountBlocked_OthersFinishItsWorkAndItShowsBlocked()
    {
        var platform = new FakePlatform
        {
            Script = (account, _) => account.AccountId == "bot000"
                ? new ActionOutcome.AccountBlocked("bad_token")
                : new ActionOutcome.Done(DoneKind.Messaged),
        };
        await using var engine = await EngineHarness.StartAsync(azurite, platform, output);
        await engine.RegisterBotsAsync(Tenant, 3);

        // Enough work that every account claims some at the start (a bot claims up to two seconds' worth here).
        var campaign = await engine.Campaigns.CreateAsync(new(EngineHarness.Broadcast(Tenant), EngineHarness.Recipients(400)));
        var status = await engine.WaitForAsync(Tenant, campaign.Id, s => s.Status == "completed", TimeSpan.FromSeconds(90));

        Assert.Equal(400, status.Counts.Done);
        Assert.Equal("blocked", status.Accounts.Single(a => a.AccountId == "bot000").Status);
        Assert.Equal(400, platform.Calls.Count(c => c.Outcome is ActionOutcome.Done));
        Assert.True(platform.Calls.Count(c => c.AccountId == "bot000") <= 1);
    }

    [Fact(Timeout = 120_000)]
    public async Task Create_SuppressedRecipient_SkippedAndCounted()
    {
        var platform = new FakePlatform();
        await using var engine = await EngineHarness.StartAsync(azurite, platform, output);
        await engine.RegisterBotsAsync(Tenant, 2);
        var suppressions = (Suppression.SuppressionStore)engine.Services.GetService(typeof(Suppression.SuppressionStore))!;
        var recipients = EngineHarness.Recipients(30);
        await suppressions.AddAsync(Tenant, recipients[3], "operator");
        await suppressions.AddAsync(Tenant, recipients[7], "operator");

        var campaign = await engine.Campaigns.CreateAsync(new(EngineHarness.Broadcast(Tenant), recipients));
        var status = await engine.WaitForAsync(Tenant, campaign.Id, s => s.Status == "completed", TimeSpan.FromSeconds(60));

        Assert.Equal(28, status.Counts.Done);
        Assert.Equal(2, status.Counts.Skipped);
        Assert.DoesNotContain(platform.Calls, c => c.Recipient == recipients[3] || c.Recipient == recipients[7]);
    }

    [Fact(Timeout = 120_000)]
    public async Task NoAdapterForThePlatform_AccountWaitsUnblockedAndDryRunsStillRun()
    {
        var platform = new FakePlatform(); // serves Telegram only
        await using var engine = await EngineHarness.StartAsync(azurite, platform, output);
        await engine.RegisterBotsAsync(Tenant, 1, PlatformKind.WhatsApp);
        var real = EngineHarness.Broadcast(Tenant) with { Platform = PlatformKind.WhatsApp };

        var waiting = await engine.Campaigns.CreateAsync(new(real, EngineHarness.Recipients(10)));
        var dry = await engine.Campaigns.CreateAsync(new(real with { DryRun = true }, EngineHarness.Recipients(10)));
        var dryDone = await engine.WaitForAsync(Tenant, dry.Id, s => s.Status == "completed", TimeSpan.FromSeconds(60));
        var stuck = await engine.Status.GetAsync(Tenant, waiting.Id);

        Assert.Equal(10, dryDone.Counts.Done);
        Assert.Equal(0, stuck!.Processed);
        Assert.NotEqual("blocked", stuck.Accounts.Single().Status);
        Assert.Empty(platform.Calls);
    }
}
