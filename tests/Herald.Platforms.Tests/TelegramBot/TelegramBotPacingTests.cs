using Herald.Core.Outcomes;
using Herald.Platforms.Tests.Support;
using Xunit.Abstractions;

namespace Herald.Platforms.Tests.TelegramBot;

/// <summary>
/// The limiter seen from the simulator: the adapter and the simulator share a manual clock that moves
/// only while every call waits on it, so delivery stamps are the limiter's release times exactly.
/// </summary>
public sealed class TelegramBotPacingTests(ITestOutputHelper output)
{
    private static readonly TimeSpan MaxSimulated = TimeSpan.FromMinutes(5);

    [Fact(Timeout = 60_000)]
    public async Task ExecuteAsync_BurstToOneChat_SpacedAtLeastOneSecondWhileOtherChatsGoAtOnce()
    {
        await using var host = await TelegramTestHost.StartAsync(output);
        var bot = await host.BotAsync();
        var start = host.Clock.GetUtcNow();

        var calls = new List<Task<ActionOutcome>>();
        calls.AddRange(Enumerable.Range(0, 5).Select(i => host.Platform.ExecuteAsync(bot, TelegramTestHost.Message(42, $"burst {i}"))));
        calls.AddRange(Enumerable.Range(100, 10).Select(chat => host.Platform.ExecuteAsync(bot, TelegramTestHost.Message(chat, "one each"))));
        await host.Time!.DriveAsync(calls, MaxSimulated);

        Assert.All(calls, c => Assert.IsType<ActionOutcome.Done>(c.Result));
        var burst = host.Sim.GetDeliveries(chatId: 42).Select(d => d.DeliveredAt).ToList();
        Assert.Equal(5, burst.Count);
        Assert.All(burst.Zip(burst.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(1), $"{pair.First:O} → {pair.Second:O}"));
        var others = host.Sim.GetDeliveries().Where(d => d.ChatId != 42).ToList();
        Assert.Equal(10, others.Count);
        // Eleven sends (the burst's first and ten others) fit in the first 11 overall slots of 1/30 s.
        Assert.All(others, d => Assert.True(d.DeliveredAt - start <= TimeSpan.FromSeconds(11.0 / 30), $"{d.ChatId} at {d.DeliveredAt - start}"));
        Assert.True(burst[1] - start >= TimeSpan.FromSeconds(1));
        Assert.Equal(0, host.Sim.GetStats().Totals.RateLimited);
    }

    [Fact(Timeout = 60_000)]
    public async Task ExecuteAsync_BroadcastOverThirtyChats_NeverMoreThanThirtyPerSecond()
    {
        await using var host = await TelegramTestHost.StartAsync(output);
        var bot = await host.BotAsync();

        var calls = Enumerable.Range(1, 95).Select(chat => host.Platform.ExecuteAsync(bot, TelegramTestHost.Message(chat, "news"))).ToList();
        await host.Time!.DriveAsync(calls, MaxSimulated);

        var stamps = host.Sim.GetDeliveries().Select(d => d.DeliveredAt).Order().ToList();
        Assert.Equal(95, stamps.Count);
        for (var i = 30; i < stamps.Count; i++)
        {
            Assert.True(stamps[i] - stamps[i - 30] >= TimeSpan.FromSeconds(1), $"31 sends within a second ending at #{i}");
        }

        Assert.Equal(0, host.Sim.GetStats().Totals.RateLimited);
    }

    [Fact(Timeout = 60_000)]
    public async Task ExecuteAsync_429ForOneChat_OnlyThatChatWaitsThenItIsSent()
    {
        // A slow chat refill makes Telegram's retry_after 4 s: longer than the limiter's own 1 s spacing.
        await using var host = await TelegramTestHost.StartAsync(output, new Herald.Simulator.SimulatorOptions { ChatMessagesPerSecond = 0.25 });
        var bot = await host.BotAsync();
        for (var i = 0; i < 3; i++)
        {
            // Another sender of the same bot spends chat 42's burst, so the adapter's first send gets 429.
            await host.SendDirectAsync(42, $"elsewhere {i}");
        }

        var start = host.Clock.GetUtcNow();
        var limited = host.Platform.ExecuteAsync(bot, TelegramTestHost.Message(42, "waits"));
        var others = Enumerable.Range(200, 5).Select(chat => host.Platform.ExecuteAsync(bot, TelegramTestHost.Message(chat, "goes"))).ToList();
        await host.Time!.DriveAsync([limited, .. others], MaxSimulated);

        Assert.IsType<ActionOutcome.Done>(await limited);
        Assert.All(others, c => Assert.IsType<ActionOutcome.Done>(c.Result));
        var waited = Assert.Single(host.Sim.GetDeliveries(chatId: 42), d => d.Text == "waits");
        Assert.True(waited.DeliveredAt - start >= TimeSpan.FromSeconds(4), "the retry came before retry_after");
        Assert.All(
            host.Sim.GetDeliveries().Where(d => d.ChatId >= 200),
            d => Assert.True(d.DeliveredAt - start < TimeSpan.FromSeconds(1), "another chat waited for chat 42's retry_after"));
        Assert.Equal(1, host.Sim.GetStats().Totals.RateLimited);
    }

    [Fact(Timeout = 60_000)]
    public async Task ExecuteAsync_429LongerThanTheInCallWait_TransientAndTheChatStillWaitsInFull()
    {
        await using var host = await TelegramTestHost.StartAsync(output, configure: o => o.ChatRetryAfterWaitLimit = TimeSpan.Zero);
        host.Sim.Configure(o =>
        {
            o.ChatBurst = 1;
            o.ChatMessagesPerSecond = 0.2;
        });
        var bot = await host.BotAsync();
        await host.SendDirectAsync(42, "elsewhere");
        var start = host.Clock.GetUtcNow();

        var first = await host.Platform.ExecuteAsync(bot, TelegramTestHost.Message(42, "refused"));
        var retry = host.Platform.ExecuteAsync(bot, TelegramTestHost.Message(42, "retried"));
        await host.Time!.DriveAsync([retry], MaxSimulated);

        Assert.Equal(new ActionOutcome.Transient("chat_rate_limited"), first);
        Assert.IsType<ActionOutcome.Done>(await retry);
        Assert.True(Assert.Single(host.Sim.GetDeliveries(chatId: 42), d => d.Text == "retried").DeliveredAt - start >= TimeSpan.FromSeconds(5));
        Assert.Equal(1, host.Sim.GetStats().Totals.RateLimited);
    }
}
