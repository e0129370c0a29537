using Herald.Core.Outcomes;
using Herald.Platforms.Abstractions;
using Herald.Platforms.Tests.Support;
using Herald.Simulator;
using Xunit.Abstractions;

namespace Herald.Platforms.Tests.TelegramBot;

public sealed class TelegramBotInviteAndAdminTests(ITestOutputHelper output)
{
    private const long Group = -1009000000002;

    private static SimulatorOptions Groups() => new()
    {
        Groups =
        [
            new SimulatedGroup { ChatId = Group, Username = "herald_club", InviteAdministrators = [TelegramTestHost.BotId] },
            new SimulatedGroup { ChatId = -1009000000003, Administrators = [TelegramTestHost.BotId] },
            new SimulatedGroup { ChatId = -1009000000004 },
        ],
        UnknownChats = [-1009000000005],
    };

    [Fact(Timeout = 60_000)]
    public async Task ExecuteAsync_Invite_CreatesAOneUseLinkAndSendsItToTheRecipient()
    {
        await using var host = await TelegramTestHost.StartAsync(output, Groups());

        var outcome = await host.Platform.ExecuteAsync(await host.BotAsync(), TelegramTestHost.Invite(88, "@herald_club"));

        Assert.Equal(new ActionOutcome.Done(DoneKind.Invited, "1"), outcome);
        var delivery = Assert.Single(host.Sim.GetDeliveries());
        Assert.Equal(88, delivery.ChatId);
        Assert.Matches(@"^Join us: https://t\.me/\+[A-Za-z0-9_-]+$", delivery.Text);
        Assert.Equal(1, host.Sim.GetStats().Bots[0].InviteLinksCreated);
    }

    [Fact(Timeout = 60_000)]
    public async Task ExecuteAsync_InviteTextWithoutPlaceholder_AppendsTheLink()
    {
        await using var host = await TelegramTestHost.StartAsync(output, Groups());

        await host.Platform.ExecuteAsync(await host.BotAsync(), TelegramTestHost.Invite(88, Group.ToString(System.Globalization.CultureInfo.InvariantCulture), "Welcome!"));

        Assert.Matches(@"^Welcome!\n\nhttps://t\.me/\+", Assert.Single(host.Sim.GetDeliveries()).Text);
    }

    [Fact(Timeout = 60_000)]
    public async Task ExecuteAsync_InviteWithoutInviteRights_LeavesTheCampaignAndNothingSent()
    {
        await using var host = await TelegramTestHost.StartAsync(output, Groups());

        var outcome = await host.Platform.ExecuteAsync(await host.BotAsync(), TelegramTestHost.Invite(88, "-1009000000003"));

        Assert.Equal(new ActionOutcome.NotInCampaign("no_invite_rights"), outcome);
        Assert.Empty(host.Sim.GetDeliveries());
    }

    [Theory(Timeout = 60_000)]
    [InlineData("-1009000000005", "target_chat_not_found")]
    [InlineData("https://t.me/+privatehash", "no_target_chat")]
    public async Task ExecuteAsync_InviteWithoutALink_PermanentAndNothingSent(string target, string reason)
    {
        await using var host = await TelegramTestHost.StartAsync(output, Groups());

        var outcome = await host.Platform.ExecuteAsync(await host.BotAsync(), TelegramTestHost.Invite(88, target));

        Assert.Equal(new ActionOutcome.Permanent(reason), outcome);
        Assert.Empty(host.Sim.GetDeliveries());
    }

    [Fact(Timeout = 60_000)]
    public async Task ExecuteAsync_InviteToBlockedRecipient_RecipientGoneNotInvited()
    {
        var options = Groups();
        options.BlockedUsers = [88];
        await using var host = await TelegramTestHost.StartAsync(output, options);

        var outcome = await host.Platform.ExecuteAsync(await host.BotAsync(), TelegramTestHost.Invite(88, "@herald_club"));

        Assert.Equal(new ActionOutcome.RecipientGone("blocked_by_user"), outcome);
    }

    public static TheoryData<string, AdminRightsCheck> AdminCases => new()
    {
        { "@herald_club", new AdminRightsCheck(true, true) },
        { "-1009000000003", new AdminRightsCheck(true, false) },
        { "-1009000000004", new AdminRightsCheck(false, false) },
        { "-1009000000005", new AdminRightsCheck(false, false, "target_chat_not_found") },
        { "not a chat", new AdminRightsCheck(false, false, "no_target_chat") },
    };

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(AdminCases))]
    public async Task CheckAdminRightsAsync_Chat_ReportsAdminAndInviteRight(string chat, AdminRightsCheck expected)
    {
        await using var host = await TelegramTestHost.StartAsync(output, Groups());

        var check = await host.Platform.CheckAdminRightsAsync(await host.BotAsync(), chat);

        Assert.Equal(expected, check);
    }

    [Fact(Timeout = 60_000)]
    public async Task CheckAdminRightsAsync_RevokedToken_ProblemBadToken()
    {
        var options = Groups();
        options.RevokedTokens = [TelegramTestHost.Token];
        await using var host = await TelegramTestHost.StartAsync(output, options);

        var check = await host.Platform.CheckAdminRightsAsync(await host.BotAsync(), "@herald_club");

        Assert.Equal(new AdminRightsCheck(false, false, "bad_token"), check);
    }
}
