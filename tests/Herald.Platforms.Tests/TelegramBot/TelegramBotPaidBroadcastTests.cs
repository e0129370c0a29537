using Herald.Core.Outcomes;
using Herald.Platforms.Tests.Support;
using Herald.Simulator;
using Xunit.Abstractions;

namespace Herald.Platforms.Tests.TelegramBot;

/// <summary>
/// Paid broadcasts against the simulator over loopback HTTP, on a shared manual clock: sends above the free 30/s go
/// with <c>allow_paid_broadcast</c> up to the bot's paid rate, and a spent Stars balance comes back as an outcome.
/// </summary>
public sealed class TelegramBotPaidBroadcastTests(ITestOutputHelper output)
{
    private static readonly TimeSpan MaxSimulated = TimeSpan.FromMinutes(5);

    [Fact(Timeout = 60_000)]
    public async Task ExecuteAsync_PaidRate100_SendsAboveThirtyPerSecondWithTheFlagAndNoMoreThan100()
    {
        await using var host = await TelegramTestHost.StartAsync(output, new SimulatorOptions { StarsBalance = 1000 });
        var bot = await host.BotAsync();
        var start = host.Clock.GetUtcNow();

        var calls = Enumerable.Range(1, 250).Select(chat => host.Platform.ExecuteAsync(bot, TelegramTestHost.Message(chat, "sale") with { PaidMessagesPerSecond = 100 })).ToList();
        await host.Time!.DriveAsync(calls, MaxSimulated);

        var outcomes = calls.Select(c => Assert.IsType<ActionOutcome.Done>(c.Result)).ToList();
        var deliveries = host.Sim.GetDeliveries().OrderBy(d => d.DeliveredAt).ToList();
        Assert.Equal(250, deliveries.Count);
        Assert.Equal(0, host.Sim.GetStats().Totals.RateLimited);
        for (var i = 100; i < deliveries.Count; i++)
        {
            Assert.True(deliveries[i].DeliveredAt - deliveries[i - 100].DeliveredAt >= TimeSpan.FromSeconds(1), $"101 sends within a second ending at #{i}");
        }

        var free = deliveries.Where(d => !d.Paid).ToList();
        for (var i = 30; i < free.Count; i++)
        {
            Assert.True(free[i].DeliveredAt - free[i - 30].DeliveredAt >= TimeSpan.FromSeconds(1), $"31 free sends within a second ending at #{i}");
        }

        // Above the free 30 in the first second, and every paid send is one Telegram charged for.
        Assert.True(deliveries.Count(d => d.DeliveredAt - start < TimeSpan.FromSeconds(1)) > 90);
        var paid = outcomes.Count(o => o.Paid);
        Assert.InRange(paid, 150, 220);
        Assert.Equal(paid, deliveries.Count(d => d.Paid));
        Assert.Equal(1000 - (paid * 0.1), host.Sim.GetStars(TelegramTestHost.BotId).Balance, 6);
    }

    [Fact(Timeout = 60_000)]
    public async Task ExecuteAsync_WithoutThePaidOption_NeverSetsTheFlag()
    {
        await using var host = await TelegramTestHost.StartAsync(output, new SimulatorOptions { StarsBalance = 1000 });
        var bot = await host.BotAsync();

        var calls = Enumerable.Range(1, 45).Select(chat => host.Platform.ExecuteAsync(bot, TelegramTestHost.Message(chat, "free"))).ToList();
        await host.Time!.DriveAsync(calls, MaxSimulated);

        Assert.All(calls, c => Assert.False(Assert.IsType<ActionOutcome.Done>(c.Result).Paid));
        Assert.Equal(0, host.Sim.GetStats().Totals.PaidDelivered);
        Assert.Equal(1000, host.Sim.GetStars(TelegramTestHost.BotId).Balance);
    }

    [Fact(Timeout = 60_000)]
    public async Task ExecuteAsync_StarsBalanceSpent_AnswersBalanceSpentAndDeliversNothingMore()
    {
        // 0.5 Stars pay for five paid messages beyond the free 30.
        await using var host = await TelegramTestHost.StartAsync(output, new SimulatorOptions { StarsBalance = 0.5 });
        var bot = await host.BotAsync();

        var calls = Enumerable.Range(1, 60).Select(chat => host.Platform.ExecuteAsync(bot, TelegramTestHost.Message(chat, "sale") with { PaidMessagesPerSecond = 200 })).ToList();
        await host.Time!.DriveAsync(calls, MaxSimulated);

        var outcomes = calls.Select(c => c.Result).ToList();
        var done = outcomes.OfType<ActionOutcome.Done>().ToList();
        var spent = outcomes.OfType<ActionOutcome.BalanceSpent>().ToList();
        Assert.Equal(60, done.Count + spent.Count);
        Assert.Equal(5, done.Count(d => d.Paid));
        Assert.NotEmpty(spent);
        Assert.All(spent, s => Assert.Equal("stars_balance_spent", s.Reason));
        Assert.Equal(done.Count, host.Sim.GetStats().Totals.Delivered);
        Assert.Equal(0, host.Sim.GetStars(TelegramTestHost.BotId).Balance);
    }
}
