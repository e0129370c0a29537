using Herald.Core.Domain;
using Herald.Core.Outcomes;
using Herald.Core.Work;
using Herald.Platforms.Tests.Support;
using Herald.Platforms.TelegramUser;
using Xunit.Abstractions;
using static Herald.Platforms.Tests.TelegramUser.TelegramUserErrorTests;

namespace Herald.Platforms.Tests.TelegramUser;

/// <summary>The TDLib user-account adapter against the simulated TDLib over loopback: what each action did in the world.</summary>
public sealed class TelegramUserPlatformTests(ITestOutputHelper output)
{
    [Fact(Timeout = 30_000)]
    public async Task Invite_AllowedUser_IsInTheGroupOnce()
    {
        await using var host = await TdTestHost.StartAsync(output);
        var account = await host.LoginAsync(TdTestHost.Admin);

        var outcome = await host.Platform.ExecuteAsync(account, TdTestHost.Invite(new Recipient(Username: "ann"), "@herald_group"));

        Assert.Equal(new ActionOutcome.Done(DoneKind.Invited), outcome);
        Assert.Contains(TdTestHost.Ann, host.World.MembersOf(TdTestHost.ChatId));
        Assert.Equal(1, host.World.AddsOf(TdTestHost.ChatId, TdTestHost.Ann));
    }

    [Fact(Timeout = 30_000)]
    public async Task Invite_UserInFailedToAddMembers_NotInvitedAndFallbackMessageReachesThem()
    {
        await using var host = await TdTestHost.StartAsync(output);
        var account = await host.LoginAsync(TdTestHost.Admin);
        var recipient = new Recipient(UserId: TdTestHost.PrivateInvites);

        var invite = await host.Platform.ExecuteAsync(account, TdTestHost.Invite(recipient));
        var next = OutcomeRules.NextStep(ActionKind.Invite, invite, allowsFallback: true);
        var message = await host.Platform.ExecuteAsync(account, TdTestHost.Message(recipient));
        var counted = OutcomeRules.NextStep(ActionKind.PersonalMessage, message, allowsFallback: true, isFallback: true);

        Assert.Equal(new ActionOutcome.PrivacyRestricted(TelegramUserReasons.InvitePrivacy), invite);
        Assert.DoesNotContain(TdTestHost.PrivateInvites, host.World.MembersOf(TdTestHost.ChatId));
        Assert.Equal(ActionKind.PersonalMessage, next.Fallback);
        Assert.Equal(DoneKind.MessagedInsteadOfInvited, counted.Done);
        Assert.Equal([TdTestHost.PrivateInvites], host.World.Messages.Select(m => m.UserId));
    }

    [Fact(Timeout = 30_000)]
    public async Task Invite_RecipientStates_MapToTheirReasons()
    {
        await using var host = await TdTestHost.StartAsync(output);
        var account = await host.LoginAsync(TdTestHost.Admin);

        var outcomes = new List<string>();
        foreach (var username in new[] { "gone", "too_many", "kicked", "banned", "nobody_here" })
        {
            outcomes.Add(Describe(await host.Platform.ExecuteAsync(account, TdTestHost.Invite(new Recipient(Username: username)))));
        }

        Assert.Equal(
            ["RecipientGone:user_deactivated", "Permanent:user_channels_too_much", "Permanent:user_kicked", "Permanent:user_banned_in_channel", "Permanent:username_not_found"],
            outcomes);
        Assert.Equal([TdTestHost.Admin, TdTestHost.AdminWithoutInvite], host.World.MembersOf(TdTestHost.ChatId).Order());
    }

    [Fact(Timeout = 30_000)]
    public async Task Invite_AccountWithoutInviteRight_ChatAdminRequiredLeavesTheCampaign()
    {
        await using var host = await TdTestHost.StartAsync(output);
        var account = await host.LoginAsync(TdTestHost.NotAdmin);

        var outcome = await host.Platform.ExecuteAsync(account, TdTestHost.Invite(new Recipient(Username: "ann")));

        Assert.Equal(new ActionOutcome.NotInCampaign(TelegramUserReasons.ChatAdminRequired), outcome);
        Assert.DoesNotContain(TdTestHost.Ann, host.World.MembersOf(TdTestHost.ChatId));
    }

    [Fact(Timeout = 30_000)]
    public async Task Invite_Burst_FloodWaitAndNoActionDuringIt()
    {
        var scenario = TdTestHost.Scenario();
        scenario.FloodAfterActions = 2;
        scenario.FloodWaitSeconds = 30;
        await using var host = await TdTestHost.StartAsync(output, scenario);
        var account = await host.LoginAsync(TdTestHost.Admin);

        var first = await host.Platform.ExecuteAsync(account, TdTestHost.Invite(new Recipient(UserId: TdTestHost.Ann)));
        var second = await host.Platform.ExecuteAsync(account, TdTestHost.Invite(new Recipient(UserId: TdTestHost.ByPhone)));
        var third = await host.Platform.ExecuteAsync(account, TdTestHost.Invite(new Recipient(UserId: TdTestHost.PrivateMessages)));
        host.Clock.Advance(TimeSpan.FromSeconds(30));
        var after = await host.Platform.ExecuteAsync(account, TdTestHost.Invite(new Recipient(UserId: TdTestHost.PrivateMessages)));

        Assert.Equal(["Done:Invited", "Done:Invited", "RateLimited:30", "Done:Invited"], new[] { first, second, third, after }.Select(Describe));
        Assert.Equal(0, host.World.ActionsDuringWait);
        var actions = host.World.Actions();
        Assert.Equal(["accepted", "accepted", "flood_wait", "accepted"], actions.Select(a => a.Result));
        Assert.All(actions, a => Assert.Equal((TdTestHost.Admin, "addChatMembers"), (a.AccountUserId, a.Method)));
        Assert.Equal(actions[2].At + TimeSpan.FromSeconds(30), actions[2].WaitUntil);
    }

    [Fact(Timeout = 30_000)]
    public async Task Message_PastDailyColdBudget_PeerFloodStopsTheAccount()
    {
        var scenario = TdTestHost.Scenario();
        scenario.DailyColdBudget = 1;
        await using var host = await TdTestHost.StartAsync(output, scenario);
        var account = await host.LoginAsync(TdTestHost.Admin);

        var first = await host.Platform.ExecuteAsync(account, TdTestHost.Message(new Recipient(Username: "ann")));
        var second = await host.Platform.ExecuteAsync(account, TdTestHost.Message(new Recipient(Username: "kicked")));

        Assert.Equal("Done:Messaged", Describe(first));
        Assert.Equal(new ActionOutcome.AccountBlocked(TelegramUserReasons.PeerFlood), second);
        Assert.True(host.World.IsPeerFlooded(TdTestHost.Admin));
        Assert.Equal([TdTestHost.Ann], host.World.Messages.Select(m => m.UserId));
    }

    [Fact(Timeout = 30_000)]
    public async Task Message_SendSucceeded_CountedWithTheFinalMessageId()
    {
        await using var host = await TdTestHost.StartAsync(output);
        var account = await host.LoginAsync(TdTestHost.Admin);

        var outcome = await host.Platform.ExecuteAsync(account, TdTestHost.Message(new Recipient(Username: "ann"), "Hi Ann"));

        var done = Assert.IsType<ActionOutcome.Done>(outcome);
        Assert.Equal(DoneKind.Messaged, done.Kind);
        Assert.False(string.IsNullOrEmpty(done.PlatformMessageId));
        var message = Assert.Single(host.World.Messages);
        Assert.Equal((TdTestHost.Admin, TdTestHost.Ann, "Hi Ann"), (message.AccountUserId, message.UserId, message.Text));
    }

    [Theory(Timeout = 30_000)]
    [InlineData("blocks", "RecipientGone:blocked_by_user")]
    [InlineData("private_messages", "PrivacyRestricted:user_privacy_restricted")]
    [InlineData("gone", "RecipientGone:user_deactivated")]
    public async Task Message_RefusedBeforeOrAfterAccepted_NotCounted(string username, string expected)
    {
        await using var host = await TdTestHost.StartAsync(output);
        var account = await host.LoginAsync(TdTestHost.Admin);

        var outcome = await host.Platform.ExecuteAsync(account, TdTestHost.Message(new Recipient(Username: username)));

        Assert.Equal(expected, Describe(outcome));
        Assert.Empty(host.World.Messages);
    }

    [Fact(Timeout = 30_000)]
    public async Task Message_ByPhone_ImportsTheContactFirst()
    {
        await using var host = await TdTestHost.StartAsync(output);
        var account = await host.LoginAsync(TdTestHost.Admin);

        var outcome = await host.Platform.ExecuteAsync(account, TdTestHost.Message(new Recipient(Phone: "+4915100002009")));

        Assert.Equal("Done:Messaged", Describe(outcome));
        Assert.Contains(TdTestHost.ByPhone, host.World.ContactsOf(TdTestHost.Admin));
        Assert.Equal([TdTestHost.ByPhone], host.World.Messages.Select(m => m.UserId));
    }

    [Fact(Timeout = 30_000)]
    public async Task AddContact_PhoneUsernameAndUnknown_ContactsAsTelegramHasThem()
    {
        await using var host = await TdTestHost.StartAsync(output);
        var account = await host.LoginAsync(TdTestHost.Admin);

        var byPhone = await host.Platform.ExecuteAsync(account, TdTestHost.AddContact(new Recipient(Phone: "+4915100002009")));
        var byName = await host.Platform.ExecuteAsync(account, TdTestHost.AddContact(new Recipient(Username: "ann")));
        var unknown = await host.Platform.ExecuteAsync(account, TdTestHost.AddContact(new Recipient(Phone: "+4915100009999")));

        Assert.Equal(["Done:ContactAdded", "Done:ContactAdded", "Permanent:not_on_telegram"], new[] { byPhone, byName, unknown }.Select(Describe));
        Assert.Equal([TdTestHost.Ann, TdTestHost.ByPhone], host.World.ContactsOf(TdTestHost.Admin).Order());
    }

    [Fact(Timeout = 30_000)]
    public async Task CheckAdminRights_ThreeAccounts_ReportsCanInviteUsers()
    {
        await using var host = await TdTestHost.StartAsync(output);

        var admin = await host.Platform.CheckAdminRightsAsync(await host.LoginAsync(TdTestHost.Admin), "@herald_group");
        var noInvite = await host.Platform.CheckAdminRightsAsync(await host.LoginAsync(TdTestHost.AdminWithoutInvite), "-1001000000001");
        var member = await host.Platform.CheckAdminRightsAsync(await host.LoginAsync(TdTestHost.NotAdmin), "https://t.me/herald_group");
        var missing = await host.Platform.CheckAdminRightsAsync(await host.LoginAsync(TdTestHost.Admin), "@no_such_group");

        Assert.Equal(new Herald.Platforms.Abstractions.AdminRightsCheck(true, true), admin);
        Assert.Equal(new Herald.Platforms.Abstractions.AdminRightsCheck(true, false), noInvite);
        Assert.Equal(new Herald.Platforms.Abstractions.AdminRightsCheck(false, false), member);
        Assert.Equal(TelegramUserReasons.TargetChatNotFound, missing.Problem);
    }

    [Fact(Timeout = 30_000)]
    public async Task Execute_AccountWithProxy_AddsAndEnablesItFirst()
    {
        await using var host = await TdTestHost.StartAsync(output);
        var account = await host.LoginAsync(TdTestHost.Admin, proxy: "socks5://relay:pw@127.0.0.1:1080");

        await host.Platform.ExecuteAsync(account, TdTestHost.AddContact(new Recipient(Username: "ann")));

        var proxy = Assert.Single(host.World.ProxiesOf(TdTestHost.Admin));
        Assert.Equal("127.0.0.1", proxy["proxy"]!["server"]!.GetValue<string>());
        Assert.Equal(1080, proxy["proxy"]!["port"]!.GetValue<int>());
        Assert.Equal("proxyTypeSocks5", proxy["proxy"]!["type"]!["@type"]!.GetValue<string>());
        Assert.True(proxy["is_enabled"]!.GetValue<bool>());
    }

    [Theory(Timeout = 30_000)]
    [InlineData("mtproto://127.0.0.1:443?secret=ee0011", "proxyTypeMtproto")]
    [InlineData("https://127.0.0.1:8080", "proxyTypeHttp")]
    public async Task Execute_ProxyForms_AddedAsTheirTdLibType(string proxy, string type)
    {
        await using var host = await TdTestHost.StartAsync(output);
        var account = await host.LoginAsync(TdTestHost.Admin, proxy);

        await host.Platform.ExecuteAsync(account, TdTestHost.AddContact(new Recipient(Username: "ann")));

        Assert.Equal(type, Assert.Single(host.World.ProxiesOf(TdTestHost.Admin))["proxy"]!["type"]!["@type"]!.GetValue<string>());
    }

    [Fact(Timeout = 30_000)]
    public async Task Execute_UnusableProxy_AccountStopsAndNothingHappens()
    {
        await using var host = await TdTestHost.StartAsync(output);
        var account = await host.LoginAsync(TdTestHost.Admin, proxy: "ftp://127.0.0.1:21");

        var outcome = await host.Platform.ExecuteAsync(account, TdTestHost.Invite(new Recipient(Username: "ann")));

        Assert.Equal(new ActionOutcome.AccountBlocked(TelegramUserReasons.ProxyUnusable), outcome);
        Assert.DoesNotContain(TdTestHost.Ann, host.World.MembersOf(TdTestHost.ChatId));
    }
}
