using Herald.Platforms.Tests.Support;
using Herald.Platforms.TelegramBot;
using Herald.Simulator;
using Telegram.Bot.Requests;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;
using Xunit.Abstractions;

namespace Herald.Platforms.Tests.TelegramBot;

/// <summary>Telegram.Bot's requests, as it sends them, against the simulator over loopback HTTP.</summary>
public sealed class TelegramBotApiTests(ITestOutputHelper output)
{
    private const long Group = -1009000000001;
    private static readonly TelegramBotToken Token = TelegramTestHost.BotToken;

    [Fact(Timeout = 60_000)]
    public async Task GetMeAsync_ValidToken_ReturnsTheBot()
    {
        await using var host = await TelegramTestHost.StartAsync(output);

        var me = await host.Api.GetMeAsync(Token);

        Assert.True(me.IsOk);
        Assert.Equal(TelegramTestHost.BotId, me.Value.Id);
        Assert.True(me.Value.IsBot);
    }

    [Fact(Timeout = 60_000)]
    public async Task SendMessageAsync_HtmlWithInlineKeyboard_TheSimulatorReceivesBoth()
    {
        await using var host = await TelegramTestHost.StartAsync(output);
        var keyboard = new InlineKeyboardMarkup([[InlineKeyboardButton.WithCallbackData("Yes", "vote:yes"), InlineKeyboardButton.WithUrl("Open", "https://example.org/")]]);

        var sent = await host.Messenger.SendMessageAsync(Token, 42, "<b>Vote?</b>", ParseMode.Html, keyboard);

        Assert.True(sent.IsOk);
        Assert.Equal(42, sent.Value.Chat.Id);
        var delivery = Assert.Single(host.Sim.GetDeliveries());
        Assert.Equal(("<b>Vote?</b>", "HTML"), (delivery.Text, delivery.ParseMode));
        var buttons = delivery.ReplyMarkup!.Value.GetProperty("inline_keyboard")[0];
        Assert.Equal("vote:yes", buttons[0].GetProperty("callback_data").GetString());
        Assert.Equal("https://example.org/", buttons[1].GetProperty("url").GetString());
        Assert.False(buttons[0].TryGetProperty("url", out _));
    }

    [Fact(Timeout = 60_000)]
    public async Task EditAndDeleteAsync_SentMessage_ChangeItInTheSimulator()
    {
        await using var host = await TelegramTestHost.StartAsync(output);
        var sent = await host.Messenger.SendMessageAsync(Token, 42, "draft");
        host.Clock.Advance(TimeSpan.FromSeconds(2));

        var edited = await host.Messenger.EditMessageTextAsync(Token, 42, sent.Value!.Id, "final", inlineKeyboard: TelegramKeyboards.From([["Ok"]], label => (label, null, "ok")));
        host.Clock.Advance(TimeSpan.FromSeconds(2));
        var deleted = await host.Messenger.DeleteMessageAsync(Token, 42, sent.Value.Id);
        host.Clock.Advance(TimeSpan.FromSeconds(2));
        var deletedAgain = await host.Messenger.DeleteMessageAsync(Token, 42, sent.Value.Id);

        Assert.True(edited.IsOk);
        Assert.Equal("final", edited.Value.Text);
        Assert.NotNull(edited.Value.EditDate);
        Assert.True(deleted.IsOk);
        Assert.True(deleted.Value);
        Assert.False(deletedAgain.IsOk);
        Assert.Equal((TelegramErrorSource.Api, 400, "Bad Request: message to delete not found"), (deletedAgain.Error.Source, deletedAgain.Error.ErrorCode, deletedAgain.Error.Description));
        var delivery = Assert.Single(host.Sim.GetDeliveries());
        Assert.Equal(("draft", "final"), (delivery.Text, delivery.EditedText));
        Assert.Equal("ok", delivery.ReplyMarkup!.Value.GetProperty("inline_keyboard")[0][0].GetProperty("callback_data").GetString());
        Assert.NotNull(delivery.DeletedAt);
    }

    [Fact(Timeout = 60_000)]
    public async Task SendAsync_ChatIdAsUsername_ReachesTheGroup()
    {
        await using var host = await TelegramTestHost.StartAsync(output, new SimulatorOptions
        {
            Groups = [new SimulatedGroup { ChatId = Group, Username = "herald_news", InviteAdministrators = [TelegramTestHost.BotId] }],
        });
        Assert.True(TelegramChatId.TryParse("https://t.me/herald_news", out var chat));

        var sent = await host.Messenger.SendMessageAsync(Token, chat, "news");

        Assert.True(sent.IsOk, sent.ToString());
        Assert.Equal(Group, Assert.Single(host.Sim.GetDeliveries()).ChatId);
    }

    [Fact(Timeout = 60_000)]
    public async Task SendAsync_CreateChatInviteLink_TheSimulatorReadsNameExpiryAndLimit()
    {
        await using var host = await TelegramTestHost.StartAsync(output, new SimulatorOptions
        {
            Groups = [new SimulatedGroup { ChatId = Group, InviteAdministrators = [TelegramTestHost.BotId] }],
        });
        var expires = host.Clock.GetUtcNow().AddDays(1);

        var link = await host.Api.SendAsync(Token, new CreateChatInviteLinkRequest { ChatId = Group, Name = "herald-test", ExpireDate = expires.UtcDateTime, MemberLimit = 1 });

        Assert.True(link.IsOk, link.ToString());
        Assert.StartsWith("https://t.me/+", link.Value.InviteLink, StringComparison.Ordinal);
        Assert.Equal((1, "herald-test", false), (link.Value.MemberLimit, link.Value.Name, link.Value.CreatesJoinRequest));
        Assert.Equal(expires.ToUnixTimeSeconds(), new DateTimeOffset(link.Value.ExpireDate!.Value).ToUnixTimeSeconds());
    }

    [Fact(Timeout = 60_000)]
    public async Task SendAsync_ChatBurstSpent_Returns429WithRetryAfterAtOnceWithoutRetrying()
    {
        // The simulator runs on a manual clock that nobody advances: a library retry after retry_after would be
        // refused again and show as extra requests.
        await using var host = await TelegramTestHost.StartAsync(output);
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await host.SendDirectAsync(42, $"burst {i}")).IsOk);
        }

        var refused = await host.SendDirectAsync(42, "one too many");

        Assert.False(refused.IsOk);
        Assert.Equal(new TelegramApiError(TelegramErrorSource.Api, 429, "Too Many Requests: retry after 1", TimeSpan.FromSeconds(1)), refused.Error);
        Assert.Equal((4, 1), (host.Sim.GetStats().Totals.Requests, host.Sim.GetStats().Totals.RateLimited));
    }

    [Fact(Timeout = 60_000)]
    public async Task Messenger_429_PausesTheChatInTheBotsLimiter()
    {
        // A slow chat refill makes Telegram's retry_after 4 s: longer than the limiter's own 1 s spacing.
        await using var host = await TelegramTestHost.StartAsync(output, new SimulatorOptions { ChatMessagesPerSecond = 0.25 });
        for (var i = 0; i < 3; i++)
        {
            await host.SendDirectAsync(42, $"elsewhere {i}");
        }

        var refused = await host.Messenger.SendMessageAsync(Token, 42, "refused");
        var start = host.Clock.GetUtcNow();
        var next = host.Messenger.SendMessageAsync(Token, 42, "after the pause");
        await host.Time!.DriveAsync([next], TimeSpan.FromMinutes(1));

        Assert.Equal(TimeSpan.FromSeconds(4), refused.Error!.RetryAfter);
        Assert.True((await next).IsOk);
        Assert.True(Assert.Single(host.Sim.GetDeliveries(chatId: 42), d => d.Text == "after the pause").DeliveredAt - start >= TimeSpan.FromSeconds(4));
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
