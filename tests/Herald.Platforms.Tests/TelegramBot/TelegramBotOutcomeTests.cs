using System.Net;
using System.Net.Sockets;
using Herald.Core.Domain;
using Herald.Core.Outcomes;
using Herald.Platforms.Abstractions;
using Herald.Platforms.Tests.Support;
using Herald.Simulator;
using Xunit.Abstractions;

namespace Herald.Platforms.Tests.TelegramBot;

/// <summary>Every Bot API answer maps onto the outcome the engine acts on, with a stable reason code.</summary>
public sealed class TelegramBotOutcomeTests(ITestOutputHelper output)
{
    private static readonly SimulatorOptions Unreachable = new()
    {
        BlockedUsers = [1001],
        DeactivatedUsers = [1002],
        NeverStartedUsers = [1003],
        UnknownChats = [1004],
    };

    public static TheoryData<long, ActionOutcome> RecipientCases => new()
    {
        { 1001, new ActionOutcome.RecipientGone("blocked_by_user") },
        { 1002, new ActionOutcome.RecipientGone("user_deactivated") },
        { 1003, new ActionOutcome.Permanent("cannot_initiate_conversation") },
        { 1004, new ActionOutcome.Permanent("chat_not_found") },
    };

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(RecipientCases))]
    public async Task ExecuteAsync_UnreachableRecipient_MapsToItsOutcome(long userId, ActionOutcome expected)
    {
        await using var host = await TelegramTestHost.StartAsync(output, Unreachable);

        var outcome = await host.Platform.ExecuteAsync(await host.BotAsync(), TelegramTestHost.Message(userId, "hello"));

        Assert.Equal(expected, outcome);
        Assert.Empty(host.Sim.GetDeliveries());
    }

    [Fact(Timeout = 60_000)]
    public async Task ExecuteAsync_Delivered_ReturnsMessagedWithTheMessageId()
    {
        await using var host = await TelegramTestHost.StartAsync(output);

        var outcome = await host.Platform.ExecuteAsync(
            await host.BotAsync(),
            TelegramTestHost.Message(77, "Promo inside", [[new InlineButton("Get it", CallbackData: "promo")], [new InlineButton("Site", Url: "https://example.org")]]));

        Assert.Equal(new ActionOutcome.Done(DoneKind.Messaged, "1"), outcome);
        var delivery = Assert.Single(host.Sim.GetDeliveries());
        Assert.Equal((77L, "Promo inside", null), (delivery.ChatId, delivery.Text, delivery.ParseMode));
        Assert.Equal(2, delivery.ReplyMarkup!.Value.GetProperty("inline_keyboard").GetArrayLength());
    }

    [Fact(Timeout = 60_000)]
    public async Task ExecuteAsync_RevokedToken_AccountBlockedBadToken()
    {
        await using var host = await TelegramTestHost.StartAsync(output, new SimulatorOptions { RevokedTokens = [TelegramTestHost.Token] });

        var outcome = await host.Platform.ExecuteAsync(await host.BotAsync(), TelegramTestHost.Message(1, "hi"));

        Assert.Equal(new ActionOutcome.AccountBlocked("bad_token"), outcome);
    }

    [Fact(Timeout = 60_000)]
    public async Task ExecuteAsync_NoSecret_AccountBlockedSecretMissing()
    {
        await using var host = await TelegramTestHost.StartAsync(output);
        var account = new PlatformAccount("tenant-1", "ghost", AccountKind.Bot, "memory://tenant-1/none");

        var outcome = await host.Platform.ExecuteAsync(account, TelegramTestHost.Message(1, "hi"));

        Assert.Equal(new ActionOutcome.AccountBlocked("secret_missing"), outcome);
        Assert.Equal(0, host.Sim.GetStats().Totals.Requests);
    }

    [Fact(Timeout = 60_000)]
    public async Task ExecuteAsync_SecretIsNotAToken_AccountBlockedBadToken()
    {
        await using var host = await TelegramTestHost.StartAsync(output);

        var outcome = await host.Platform.ExecuteAsync(await host.BotAsync("not a token"), TelegramTestHost.Message(1, "hi"));

        Assert.Equal(new ActionOutcome.AccountBlocked("bad_token"), outcome);
    }

    [Fact(Timeout = 60_000)]
    public async Task ExecuteAsync_ServerError_TransientServerError()
    {
        await using var host = await TelegramTestHost.StartAsync(output, new SimulatorOptions { TransientErrorRate = 1, TransientStatusCode = 503 });

        var outcome = await host.Platform.ExecuteAsync(await host.BotAsync(), TelegramTestHost.Message(1, "hi"));

        Assert.Equal(new ActionOutcome.Transient("server_error"), outcome);
    }

    [Fact(Timeout = 60_000)]
    public async Task ExecuteAsync_ClosedPort_TransientNetworkError()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var host = await TelegramTestHost.StartAsync(output, baseUrl: $"http://127.0.0.1:{port}");

        var outcome = await host.Platform.ExecuteAsync(await host.BotAsync(), TelegramTestHost.Message(1, "hi"));

        Assert.Equal(new ActionOutcome.Transient("network_error"), outcome);
    }

    [Fact(Timeout = 60_000)]
    public async Task ExecuteAsync_NoAnswerWithinTimeout_TransientTimeout()
    {
        await using var host = await TelegramTestHost.StartAsync(
            output,
            new SimulatorOptions { Latency = TimeSpan.FromSeconds(20) },
            o => o.RequestTimeout = TimeSpan.FromMilliseconds(300),
            manualClock: false);

        var outcome = await host.Platform.ExecuteAsync(await host.BotAsync(), TelegramTestHost.Message(1, "hi"));

        Assert.Equal(new ActionOutcome.Transient("timeout"), outcome);
        Assert.Empty(host.Sim.GetDeliveries());
    }

    [Fact(Timeout = 60_000)]
    public async Task ExecuteAsync_BotWide429_RateLimitedWithRetryAfter()
    {
        // One chat's 429 counts as a flood of the whole bot when the threshold is one chat.
        await using var host = await TelegramTestHost.StartAsync(output, configure: o => o.FloodChatThreshold = 1);
        for (var i = 0; i < 3; i++)
        {
            await host.SendDirectAsync(42, $"spent {i}");
        }

        var call = host.Platform.ExecuteAsync(await host.BotAsync(), TelegramTestHost.Message(42, "hi"));
        await host.Time!.DriveAsync([call], TimeSpan.FromMinutes(1));

        Assert.Equal(new ActionOutcome.RateLimited(TimeSpan.FromSeconds(1)), await call);
    }

    [Theory(Timeout = 60_000)]
    [InlineData(ActionKind.AddContact, 1L, "unsupported_action")]
    [InlineData(ActionKind.PersonalMessage, 1L, "unsupported_action")]
    [InlineData(ActionKind.BotMessage, null, "no_chat_id")]
    public async Task ExecuteAsync_ActionABotCannotTake_Permanent(ActionKind kind, long? userId, string reason)
    {
        await using var host = await TelegramTestHost.StartAsync(output);
        var action = new PlatformAction(kind, new Recipient(Username: "someone", UserId: userId), "hi", null, "k");

        var outcome = await host.Platform.ExecuteAsync(await host.BotAsync(), action);

        Assert.Equal(new ActionOutcome.Permanent(reason), outcome);
        Assert.Equal(0, host.Sim.GetStats().Totals.Requests);
    }

    [Fact(Timeout = 60_000)]
    public async Task ExecuteAsync_UserAccount_PermanentUnsupportedAccountKind()
    {
        await using var host = await TelegramTestHost.StartAsync(output);
        var account = (await host.BotAsync()) with { Kind = AccountKind.User };

        var outcome = await host.Platform.ExecuteAsync(account, TelegramTestHost.Message(1, "hi"));

        Assert.Equal(new ActionOutcome.Permanent("unsupported_account_kind"), outcome);
        Assert.False(host.Platform.Handles(AccountKind.User));
        Assert.True(host.Platform.Handles(AccountKind.Bot));
    }
}
