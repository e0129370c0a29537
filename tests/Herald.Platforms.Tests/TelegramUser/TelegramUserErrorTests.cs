using Herald.Core.Domain;
using Herald.Core.Outcomes;
using Herald.Platforms.Tests.Support;
using Herald.Platforms.TelegramUser;
using Herald.Simulator.TdLib;
using Xunit.Abstractions;

namespace Herald.Platforms.Tests.TelegramUser;

/// <summary>Every TDLib error of PLATFORMS.md, answered by the simulated TDLib over loopback, as the adapter maps it.</summary>
public sealed class TelegramUserErrorTests(ITestOutputHelper output)
{
    public static TheoryData<int, string, string> Errors => new()
    {
        { 403, "USER_PRIVACY_RESTRICTED", "PrivacyRestricted:user_privacy_restricted" },
        { 403, "USER_NOT_MUTUAL_CONTACT", "PrivacyRestricted:user_not_mutual_contact" },
        { 403, "USER_CHANNELS_TOO_MUCH", "Permanent:user_channels_too_much" },
        { 400, "USER_KICKED", "Permanent:user_kicked" },
        { 400, "USER_BANNED_IN_CHANNEL", "Permanent:user_banned_in_channel" },
        { 400, "INPUT_USER_DEACTIVATED", "RecipientGone:user_deactivated" },
        { 400, "PEER_FLOOD", "AccountBlocked:peer_flood" },
        { 401, "AUTH_KEY_UNREGISTERED", "AccountBlocked:auth_key_unregistered" },
        { 401, "USER_DEACTIVATED", "AccountBlocked:account_deactivated" },
        { 401, "SESSION_REVOKED", "AccountBlocked:session_revoked" },
        { 406, "AUTH_KEY_DUPLICATED", "AccountBlocked:auth_key_duplicated" },
        { 400, "CHAT_ADMIN_REQUIRED", "NotInCampaign:chat_admin_required" },
        { 500, "INTERNAL_SERVER_ERROR", "Transient:server_error" },
    };

    [Theory(Timeout = 30_000)]
    [MemberData(nameof(Errors))]
    public async Task Invite_TdLibError_MapsAndNobodyJoins(int code, string message, string expected)
    {
        var scenario = TdTestHost.Scenario();
        scenario.Faults.Add(new TdFault { Method = "addChatMembers", Code = code, Message = message });
        await using var host = await TdTestHost.StartAsync(output, scenario);
        var account = await host.LoginAsync(TdTestHost.Admin);

        var outcome = await host.Platform.ExecuteAsync(account, TdTestHost.Invite(new Recipient(Username: "ann")));

        Assert.Equal(expected, Describe(outcome));
        Assert.DoesNotContain(TdTestHost.Ann, host.World.MembersOf(TdTestHost.ChatId));
    }

    [Theory(Timeout = 30_000)]
    [InlineData(420, "FLOOD_WAIT_17", 17)]
    [InlineData(429, "Too Many Requests: retry after 42", 42)]
    [InlineData(420, "SLOWMODE_WAIT_9", 9)]
    public async Task Message_FloodWait_RateLimitedForExactlyThatLong(int code, string message, int seconds)
    {
        var scenario = TdTestHost.Scenario();
        scenario.Faults.Add(new TdFault { Method = "sendMessage", Code = code, Message = message });
        await using var host = await TdTestHost.StartAsync(output, scenario);
        var account = await host.LoginAsync(TdTestHost.Admin);

        var outcome = await host.Platform.ExecuteAsync(account, TdTestHost.Message(new Recipient(Username: "ann")));

        Assert.Equal(new ActionOutcome.RateLimited(TimeSpan.FromSeconds(seconds)), outcome);
        Assert.Empty(host.World.Messages);
    }

    [Fact(Timeout = 30_000)]
    public async Task Message_AfterBlockingError_ClientClosedAndAccountStaysBlocked()
    {
        var scenario = TdTestHost.Scenario();
        scenario.Accounts[0].Status = "revoked";
        await using var host = await TdTestHost.StartAsync(output, scenario);
        var account = await host.LoginAsync(TdTestHost.Admin);

        var first = await host.Platform.ExecuteAsync(account, TdTestHost.Message(new Recipient(Username: "ann")));
        var second = await host.Platform.ExecuteAsync(account, TdTestHost.Message(new Recipient(Username: "ann")));

        Assert.Equal(new ActionOutcome.AccountBlocked(TelegramUserReasons.SessionRevoked), first);
        Assert.Equal(new ActionOutcome.AccountBlocked(TelegramUserReasons.SessionRevoked), second);
        Assert.Empty(host.World.Messages);
        Assert.Contains(host.Logs.Entries, e => e.Contains("cannot act: session_revoked", StringComparison.Ordinal));
    }

    internal static string Describe(ActionOutcome outcome) => outcome switch
    {
        ActionOutcome.PrivacyRestricted p => "PrivacyRestricted:" + p.Reason,
        ActionOutcome.Permanent p => "Permanent:" + p.Reason,
        ActionOutcome.RecipientGone g => "RecipientGone:" + g.Reason,
        ActionOutcome.AccountBlocked b => "AccountBlocked:" + b.Reason,
        ActionOutcome.NotInCampaign n => "NotInCampaign:" + n.Reason,
        ActionOutcome.Transient t => "Transient:" + t.Reason,
        ActionOutcome.RateLimited r => "RateLimited:" + r.RetryAfter.TotalSeconds,
        ActionOutcome.Done d => "Done:" + d.Kind,
        _ => outcome.ToString(),
    };
}
