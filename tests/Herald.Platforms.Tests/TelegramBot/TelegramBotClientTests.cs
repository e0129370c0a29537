using Herald.Platforms.Tests.Support;
using Herald.Platforms.TelegramBot;
using Herald.Simulator;
using Xunit.Abstractions;

namespace Herald.Platforms.Tests.TelegramBot;

public sealed class TelegramBotClientTests(ITestOutputHelper output)
{
    private const long Group = -1009000000001;
    private static readonly TelegramBotToken Token = TelegramBotToken.Parse(TelegramTestHost.Token);

    private static SimulatorOptions WithGroup(bool botMayInvite) => new()
    {
        Groups = [new SimulatedGroup { ChatId = Group, Username = "herald_news", InviteAdministrators = botMayInvite ? [TelegramTestHost.BotId] : [], Administrators = botMayInvite ? [] : [TelegramTestHost.BotId] }],
    };

    [Fact(Timeout = 60_000)]
    public async Task GetMeAsync_ValidToken_ReturnsTheBot()
    {
        await using var host = await TelegramTestHost.StartAsync(output);

        var me = await host.Client.GetMeAsync(Token);

        Assert.True(me.IsOk);
        Assert.Equal(TelegramTestHost.BotId, me.Value.Id);
        Assert.True(me.Value.IsBot);
    }

    [Fact(Timeout = 60_000)]
    public async Task SendMessageAsync_WithInlineKeyboard_TheSimulatorReceivesTheKeyboard()
    {
        await using var host = await TelegramTestHost.StartAsync(output);
        TelegramInlineKeyboardButton[][] keyboard = [[new("Yes", CallbackData: "vote:yes"), new("Open", Url: "https://example.org/")]];

        var sent = await host.Client.SendMessageAsync(Token, 42, "Vote?", "HTML", keyboard);

        Assert.True(sent.IsOk);
        Assert.Equal(42, sent.Value.Chat.Id);
        var delivery = Assert.Single(host.Sim.GetDeliveries());
        Assert.Equal(("Vote?", "HTML"), (delivery.Text, delivery.ParseMode));
        var buttons = delivery.ReplyMarkup!.Value.GetProperty("inline_keyboard")[0];
        Assert.Equal("vote:yes", buttons[0].GetProperty("callback_data").GetString());
        Assert.Equal("https://example.org/", buttons[1].GetProperty("url").GetString());
        Assert.False(buttons[0].TryGetProperty("url", out _));
    }

    [Fact(Timeout = 60_000)]
    public async Task EditAndDeleteAsync_SentMessage_ChangeItInTheSimulator()
    {
        await using var host = await TelegramTestHost.StartAsync(output);
        var sent = await host.Client.SendMessageAsync(Token, 42, "draft");

        var edited = await host.Client.EditMessageTextAsync(Token, 42, sent.Value!.MessageId, "final", inlineKeyboard: [[new("Ok", CallbackData: "ok")]]);
        var deleted = await host.Client.DeleteMessageAsync(Token, 42, sent.Value.MessageId);
        var deletedAgain = await host.Client.DeleteMessageAsync(Token, 42, sent.Value.MessageId);

        Assert.True(edited.IsOk);
        Assert.Equal("final", edited.Value.Text);
        Assert.NotNull(edited.Value.EditDate);
        Assert.True(deleted.IsOk);
        Assert.True(deleted.Value);
        Assert.False(deletedAgain.IsOk);
        Assert.Equal((TelegramErrorSource.Api, 400, "Bad Request: message to delete not found"), (deletedAgain.Error.Source, deletedAgain.Error.ErrorCode, deletedAgain.Error.Description));
        var delivery = Assert.Single(host.Sim.GetDeliveries());
        Assert.Equal(("draft", "final"), (delivery.Text, delivery.EditedText));
        Assert.NotNull(delivery.DeletedAt);
    }

    [Fact(Timeout = 60_000)]
    public async Task CreateChatInviteLinkAsync_MemberLimitOne_ReturnsAOneUseLink()
    {
        await using var host = await TelegramTestHost.StartAsync(output, WithGroup(botMayInvite: true));
        var expires = host.Clock.GetUtcNow().AddDays(1);

        var link = await host.Client.CreateChatInviteLinkAsync(Token, Group, "herald-test", expires, memberLimit: 1);

        Assert.True(link.IsOk);
        Assert.StartsWith("https://t.me/+", link.Value.InviteLink, StringComparison.Ordinal);
        Assert.Equal((1, "herald-test", expires.ToUnixTimeSeconds(), false), (link.Value.MemberLimit, link.Value.Name, link.Value.ExpireDate, link.Value.CreatesJoinRequest));
    }

    [Fact(Timeout = 60_000)]
    public async Task CreateChatInviteLinkAsync_LimitWithJoinRequests_ThrowsBeforeCalling()
    {
        await using var host = await TelegramTestHost.StartAsync(output, WithGroup(botMayInvite: true));

        await Assert.ThrowsAsync<ArgumentException>(() => host.Client.CreateChatInviteLinkAsync(Token, Group, memberLimit: 1, createsJoinRequest: true));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => host.Client.CreateChatInviteLinkAsync(Token, Group, memberLimit: 100_000));
        Assert.Equal(0, host.Sim.GetStats().Totals.Requests);
    }

    [Fact(Timeout = 60_000)]
    public async Task ApproveChatJoinRequestAsync_PendingRequest_Approves()
    {
        await using var host = await TelegramTestHost.StartAsync(output, WithGroup(botMayInvite: true));
        host.Sim.AddJoinRequest(Group, 555);

        var approved = await host.Client.ApproveChatJoinRequestAsync(Token, TelegramChatId.FromInt64(Group), 555);
        var member = await host.Client.GetChatMemberAsync(Token, Group, 555);

        Assert.True(approved.IsOk);
        Assert.Equal("member", member.Value!.Status);
    }

    [Fact(Timeout = 60_000)]
    public async Task GetChatMemberAsync_ByUsername_ReadsTheInviteRight()
    {
        await using var host = await TelegramTestHost.StartAsync(output, WithGroup(botMayInvite: true));
        Assert.True(TelegramChatId.TryParse("https://t.me/herald_news", out var chat));

        var member = await host.Client.GetChatMemberAsync(Token, chat, TelegramTestHost.BotId);

        Assert.True(member.IsOk);
        Assert.True(member.Value.IsAdministrator);
        Assert.True(member.Value.CanInvite);
    }

    [Fact(Timeout = 60_000)]
    public async Task SendMessageAsync_ChatBurstSpent_Returns429WithRetryAfterAsAValue()
    {
        await using var host = await TelegramTestHost.StartAsync(output);
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await host.Client.SendMessageAsync(Token, 42, $"burst {i}")).IsOk);
        }

        var refused = await host.Client.SendMessageAsync(Token, 42, "one too many");

        Assert.False(refused.IsOk);
        Assert.Equal(new TelegramApiError(TelegramErrorSource.Api, 429, "Too Many Requests: retry after 1", TimeSpan.FromSeconds(1)), refused.Error);
        Assert.True(refused.Error.IsRateLimited);
    }

    [Theory]
    [InlineData("-1001234", true, -1001234L, null)]
    [InlineData("42", true, 42L, null)]
    [InlineData("@herald_news", true, null, "@herald_news")]
    [InlineData("https://t.me/herald_news/", true, null, "@herald_news")]
    [InlineData("t.me/herald_news", true, null, "@herald_news")]
    [InlineData("https://t.me/+AbCdEf123", false, null, null)]
    [InlineData("@x", false, null, null)]
    [InlineData("", false, null, null)]
    public void TelegramChatId_TryParse_ReadsIdsUsernamesAndPublicLinks(string text, bool ok, long? id, string? username)
    {
        var parsed = TelegramChatId.TryParse(text, out var chat);

        Assert.Equal(ok, parsed);
        Assert.Equal((id, username), (chat.Id, chat.Username));
    }
}
