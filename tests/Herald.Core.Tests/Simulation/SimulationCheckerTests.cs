using Herald.Testing.Simulation;

namespace Herald.Core.Tests.Simulation;

public sealed class SimulationCheckerTests
{
    private static readonly DateTimeOffset T0 = Times.Monday;
    private readonly AccountLimits _user = PlatformLimits.Default.For(PlatformKind.Telegram, AccountKind.User);

    private static void Act(SimulationChecker checker, AccountLimits limits, DateTimeOffset start, SimOutcome outcome = SimOutcome.Done,
        CampaignSchedule? schedule = null, DateTimeOffset? warmup = null, TimeSpan retryAfter = default) =>
        checker.OnAction(0, "acc", limits, warmup, schedule ?? CampaignSchedule.Always, ActionKind.Invite, false, start, start.AddSeconds(1), outcome, retryAfter);

    [Fact(Timeout = 10_000)]
    public Task OnAction_WithinLimits_NoViolation() => Bounded.Run(() =>
    {
        var checker = new SimulationChecker();
        for (var i = 0; i < 100; i++)
        {
            Act(checker, _user, T0.AddMinutes(30 * i));
        }

        Assert.Equal(0, checker.Count);
    });

    [Fact(Timeout = 10_000)]
    public Task OnAction_51InvitesIn24Hours_Violation() => Bounded.Run(() =>
    {
        var checker = new SimulationChecker();
        for (var i = 0; i < 51; i++)
        {
            Act(checker, _user, T0.AddMinutes(20 * i));
        }

        Assert.Equal(1, checker.Count);
        Assert.Contains("51 Invite actions", checker.Messages[0], StringComparison.Ordinal);
    });

    [Fact(Timeout = 10_000)]
    public Task OnAction_WarmupCapExceeded_Violation() => Bounded.Run(() =>
    {
        var checker = new SimulationChecker();
        for (var i = 0; i < 13; i++)
        {
            Act(checker, _user, T0.AddMinutes(20 * i), warmup: T0);
        }

        Assert.Equal(1, checker.Count);
    });

    [Fact(Timeout = 10_000)]
    public Task OnAction_OverlapShortPauseCooldownBlockAndWindow_Violations() => Bounded.Run(() =>
    {
        var checker = new SimulationChecker();
        Act(checker, _user, T0);
        Act(checker, _user, T0.AddMilliseconds(500));
        Act(checker, _user, T0.AddSeconds(5));
        Act(checker, _user, T0.AddMinutes(1), SimOutcome.RateLimited, retryAfter: TimeSpan.FromMinutes(10));
        Act(checker, _user, T0.AddMinutes(5));
        Act(checker, _user, T0.AddHours(1), SimOutcome.AccountBlocked);
        Act(checker, _user, T0.AddHours(2));
        var window = new CampaignSchedule(Window: new TimeWindow(new TimeOnly(9, 0), new TimeOnly(10, 0), "UTC"));
        var other = new SimulationChecker();
        Act(other, _user, T0.AddHours(2), schedule: window);

        Assert.Equal(4, checker.Count);
        Assert.Contains(checker.Messages, m => m.Contains("two in flight", StringComparison.Ordinal));
        Assert.Contains(checker.Messages, m => m.Contains("safe minimum", StringComparison.Ordinal));
        Assert.Contains(checker.Messages, m => m.Contains("during its cooldown", StringComparison.Ordinal));
        Assert.Contains(checker.Messages, m => m.Contains("after it was blocked", StringComparison.Ordinal));
        Assert.Contains("outside the campaign's window", Assert.Single(other.Messages), StringComparison.Ordinal);
    });

    [Fact(Timeout = 10_000)]
    public Task OnAction_BotOver30PerSecond_Violation() => Bounded.Run(() =>
    {
        var bot = PlatformLimits.Default.For(PlatformKind.Telegram, AccountKind.Bot);
        var checker = new SimulationChecker();
        for (var i = 0; i < 31; i++)
        {
            checker.OnAction(0, "bot", bot, null, CampaignSchedule.Always, ActionKind.BotMessage, false, T0.AddMilliseconds(30 * i), T0.AddMilliseconds((30 * i) + 5), SimOutcome.Done, TimeSpan.Zero);
        }

        Assert.Equal(1, checker.Count);
    });
}
