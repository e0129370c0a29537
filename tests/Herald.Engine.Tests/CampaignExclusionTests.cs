using Herald.Core.Domain;
using Herald.Core.Outcomes;
using Herald.Engine.Campaigns;
using Herald.Engine.Tests.Infrastructure;
using Herald.Platforms.Abstractions;
using Herald.Testing;
using Herald.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Herald.Engine.Tests;

/// <summary>
/// Accounts that may not do one campaign's action (no admin or invite rights in its chat, R12): they leave that campaign
/// only, found by the admin-rights check before start or by the platform's answer mid-run.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CampaignExclusionTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string Tenant = "acme";
    private const string Chat = "@herald_club";

    [Fact(Timeout = 120_000)]
    public async Task Tick_NotInCampaign_AccountLeavesOnlyThatCampaignOthersFinishItAndItsOtherCampaignGoesOn()
    {
        var platform = new FakePlatform
        {
            Script = (account, action) => account.AccountId == "bot000" && action.Kind == ActionKind.Invite
                ? new ActionOutcome.NotInCampaign("no_invite_rights")
                : new ActionOutcome.Done(action.Kind == ActionKind.Invite ? DoneKind.Invited : DoneKind.Messaged),
        };
        await using var engine = await EngineHarness.StartAsync(azurite, platform, output);
        await engine.RegisterBotsAsync(Tenant, 3);

        // Enough work that every account claims some of both at the start (a bot claims up to two seconds' worth here).
        var invite = await engine.Campaigns.CreateAsync(new(Invite(Tenant), EngineHarness.Recipients(400)));
        var broadcast = await engine.Campaigns.CreateAsync(new(EngineHarness.Broadcast(Tenant), EngineHarness.Recipients(400, offset: 10_000)));
        await RightsCheck(engine).CheckAsync(Tenant, invite.Id); // what the orchestration does before arming (every bot is admin here)
        var invited = await engine.WaitForAsync(Tenant, invite.Id, s => s.Status is "completed" or "completed_with_errors", TimeSpan.FromSeconds(90));
        var messaged = await engine.WaitForAsync(Tenant, broadcast.Id, s => s.Status is "completed" or "completed_with_errors", TimeSpan.FromSeconds(90));

        Assert.Equal("completed", invited.Status);
        Assert.Equal((400L, 400L, 0L, 0L), (invited.Counts.Done, invited.Counts.Invited, invited.Counts.Failed, invited.Counts.Unknown));
        Assert.Equal([new CampaignExcludedAccount("bot000", "no_invite_rights")], invited.ExcludedAccounts);
        Assert.DoesNotContain(invited.Accounts, a => a.AccountId == "bot000");
        Assert.Single(platform.Calls, c => c.AccountId == "bot000" && c.Kind == ActionKind.Invite);
        Assert.Equal(400, platform.Calls.Count(c => c.Kind == ActionKind.Invite && c.Outcome is ActionOutcome.Done));

        Assert.Equal("completed", messaged.Status);
        Assert.Equal(400, messaged.Counts.Done);
        Assert.Empty(messaged.ExcludedAccounts);
        Assert.True(platform.Calls.Count(c => c.AccountId == "bot000" && c.Kind == ActionKind.BotMessage) > 0, "bot000 stopped its other campaign");
        Assert.NotEqual("blocked", messaged.Accounts.Single(a => a.AccountId == "bot000").Status);
        Assert.Empty(platform.DuplicatedRecipients);
        Assert.All(await engine.AllTargetsAsync(Tenant, invite.Id), t => Assert.Equal(TargetStatus.Done, t.Status));
    }

    [Fact(Timeout = 120_000)]
    public async Task RightsCheck_NonAdminsExcludedBeforeAnyActionFailedCheckNot_AdminsFinish()
    {
        var platform = new FakePlatform
        {
            AdminRights = (account, _) => account.AccountId switch
            {
                "bot000" => new AdminRightsCheck(false, false),
                "bot001" => new AdminRightsCheck(true, false),
                "bot002" => new AdminRightsCheck(false, false, "timeout"), // the check failed: the account is not excluded for it
                _ => new AdminRightsCheck(true, true),
            },
        };
        await using var engine = await EngineHarness.StartAsync(azurite, platform, output);
        await engine.RegisterBotsAsync(Tenant, 4);

        var campaign = await engine.Campaigns.CreateAsync(new(Invite(Tenant), EngineHarness.Recipients(60)));
        await Task.Delay(TimeSpan.FromSeconds(2));
        var before = (await engine.Status.GetAsync(Tenant, campaign.Id))!;
        var excluded = await RightsCheck(engine).CheckAsync(Tenant, campaign.Id);
        var done = await engine.WaitForAsync(Tenant, campaign.Id, s => s.Status is "completed" or "completed_with_errors", TimeSpan.FromSeconds(90));

        Assert.Equal(("waiting", "checking_admin_rights"), (before.Status, before.WaitingReason));
        Assert.Equal(2, excluded);
        Assert.Null(await RightsCheck(engine).CheckAsync(Tenant, campaign.Id)); // checked once
        Assert.Equal("completed", done.Status);
        Assert.Equal(60, done.Counts.Invited);
        Assert.Equal([new("bot000", CampaignRightsCheck.NotAdminReason), new CampaignExcludedAccount("bot001", CampaignRightsCheck.NoInviteRightReason)], done.ExcludedAccounts);
        Assert.Equal(["bot002", "bot003"], done.Accounts.Select(a => a.AccountId).Order());
        Assert.DoesNotContain(platform.Calls, c => c.AccountId is "bot000" or "bot001");
        Assert.Equal(60, platform.Calls.Count);
    }

    [Fact(Timeout = 60_000)]
    public async Task RightsCheck_NoAccountHasRights_CampaignWaitsNamingThemAndNothingIsDone()
    {
        var platform = new FakePlatform { AdminRights = (_, _) => new AdminRightsCheck(true, false) };
        await using var engine = await EngineHarness.StartAsync(azurite, platform, output);
        await engine.RegisterBotsAsync(Tenant, 2);

        var campaign = await engine.Campaigns.CreateAsync(new(Invite(Tenant), EngineHarness.Recipients(10)));
        await RightsCheck(engine).CheckAsync(Tenant, campaign.Id);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var status = (await engine.Status.GetAsync(Tenant, campaign.Id))!;

        Assert.Equal(("waiting", "all_accounts_excluded"), (status.Status, status.WaitingReason));
        Assert.Equal(["bot000", "bot001"], status.ExcludedAccounts.Select(a => a.AccountId));
        Assert.All(status.ExcludedAccounts, a => Assert.Equal(CampaignRightsCheck.NoInviteRightReason, a.Reason));
        Assert.Equal((0L, 10L), (status.Processed, status.Remaining));
        Assert.Empty(platform.Calls);
    }

    [Fact(Timeout = 60_000)]
    public async Task Exclude_ManyAccountsAtOnce_EveryExclusionKeptDespiteConflicts()
    {
        await using var engine = await EngineHarness.StartAsync(azurite, new FakePlatform(), output, workers: false);
        var store = engine.Services.GetRequiredService<Persistence.CampaignStore>();
        var campaign = await engine.Campaigns.CreateAsync(new(Invite(Tenant), EngineHarness.Recipients(5)));

        // Each write is conditional on the row's ETag: the losers of a race read the row again and apply theirs to it.
        await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            store.UpdateAsync(Tenant, campaign.Id, c => c.Exclude($"acct{i:D2}", "chat_admin_required"))));
        var row = (await store.GetAsync(Tenant, campaign.Id))!;

        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"acct{i:D2}"), row.Excluded.Keys.Order(StringComparer.Ordinal));
        Assert.All(row.Excluded.Values, r => Assert.Equal("chat_admin_required", r));
        Assert.True(row.RightsPending);
    }

    private static CampaignRightsCheck RightsCheck(EngineHarness engine) => engine.Services.GetRequiredService<CampaignRightsCheck>();

    private static Campaign Invite(string tenant) =>
        new(tenant, "", PlatformKind.Telegram, [ActionKind.Invite], CampaignSchedule.Always, MessageTemplate: "Join us", TargetChat: Chat);
}
