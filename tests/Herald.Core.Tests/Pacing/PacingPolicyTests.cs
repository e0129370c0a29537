
namespace Herald.Core.Tests.Pacing;

public sealed class PacingPolicyTests
{
    private static readonly DateTimeOffset T0 = Times.Monday;
    private static readonly ActionOutcome Done = new ActionOutcome.Done(DoneKind.Invited);
    private readonly PacingPolicy _policy = new();
    private readonly AccountLimits _user = PlatformLimits.Default.For(PlatformKind.Telegram, AccountKind.User);

    // Telegram user limits without the even spread, so the plain pause shows.
    private AccountLimits Unspread => _user with { SpreadOverDay = false };

    [Fact(Timeout = 10_000)]
    public Task Decide_FreshAccount_MayAct() => Bounded.Run(() =>
    {
        var decision = _policy.Decide(AccountState.ForAccount("a"), _user, ActionKind.Invite, CampaignSchedule.Always, T0);

        Assert.True(decision.MayAct);
        Assert.Equal(T0, decision.EarliestAt);
    });

    [Fact(Timeout = 10_000)]
    public Task Decide_AfterAction_JitteredPauseWithinBoundsAndReproducible() => Bounded.Run(() =>
    {
        var pauses = new HashSet<TimeSpan>();
        for (var i = 0; i < 50; i++)
        {
            var state = _policy.Record(AccountState.ForAccount("acc-" + i), Unspread, ActionKind.Invite, Done, T0);
            var decision = _policy.Decide(state, Unspread, ActionKind.Invite, CampaignSchedule.Always, T0.AddSeconds(1));
            var again = _policy.Decide(state, Unspread, ActionKind.Invite, CampaignSchedule.Always, T0.AddSeconds(2));

            Assert.Equal(PacingReason.Pause, decision.Reason);
            Assert.InRange(decision.EarliestAt - T0, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15));
            Assert.Equal(decision.EarliestAt, again.EarliestAt);
            pauses.Add(decision.EarliestAt - T0);
        }

        Assert.True(pauses.Count > 40, "jitter differs between accounts");
    });

    [Fact(Timeout = 10_000)]
    public Task Decide_Spread_DailyCapSpacedOverTheOpenDay() => Bounded.Run(() =>
    {
        var state = _policy.Record(AccountState.ForAccount("a"), _user, ActionKind.Invite, Done, T0);
        var decision = _policy.Decide(state, _user, ActionKind.Invite, CampaignSchedule.Always, T0);
        var even = TimeSpan.FromDays(1) / 50;

        Assert.Equal(PacingReason.Pause, decision.Reason);
        Assert.InRange(decision.EarliestAt - T0, even * 0.8 - TimeSpan.FromSeconds(1), even * 1.2 + TimeSpan.FromSeconds(1));
        Assert.Equal(even, _policy.ExpectedInterval(state, _user, ActionKind.Invite, CampaignSchedule.Always, T0));
        // Another kind has its own spread: only the short pause holds it.
        Assert.InRange(_policy.Decide(state, _user, ActionKind.PersonalMessage, CampaignSchedule.Always, T0).EarliestAt - T0,
            TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15));
    });

    [Fact(Timeout = 10_000)]
    public Task Decide_DailyCapUsed_WaitsUntilOldestLeavesTheWindow() => Bounded.Run(() =>
    {
        var limits = Unspread with { InvitesPerDay = 5 };
        var state = AccountState.ForAccount("a");
        for (var i = 0; i < 5; i++)
        {
            state = _policy.Record(state, limits, ActionKind.Invite, Done, T0.AddMinutes(i));
        }

        var decision = _policy.Decide(state, limits, ActionKind.Invite, CampaignSchedule.Always, T0.AddHours(1));

        Assert.Equal(PacingReason.DailyCap, decision.Reason);
        Assert.Equal(T0.AddDays(1), decision.EarliestAt);
        Assert.True(_policy.Decide(state, limits, ActionKind.PersonalMessage, CampaignSchedule.Always, T0.AddHours(1)).MayAct);
        Assert.Equal(new AccountStatusInfo(AccountStatus.Limited, T0.AddDays(1)), _policy.GetStatus(state, limits, T0.AddHours(1)));
    });

    [Fact(Timeout = 10_000)]
    public Task Decide_MessagesWithLinks_LowerCapApplies() => Bounded.Run(() =>
    {
        var state = AccountState.ForAccount("a");
        var withLink = new PacedAction(ActionKind.PersonalMessage, HasLinks: true);
        for (var i = 0; i < 10; i++)
        {
            state = _policy.Record(state, Unspread, withLink, new ActionOutcome.Done(DoneKind.Messaged), T0.AddMinutes(i));
        }

        var later = T0.AddHours(1);
        Assert.Equal(PacingReason.DailyCap, _policy.Decide(state, Unspread, withLink, CampaignSchedule.Always, later).Reason);
        Assert.True(_policy.Decide(state, Unspread, ActionKind.PersonalMessage, CampaignSchedule.Always, later).MayAct);
        Assert.Equal(10, state.Counters.Count(CounterKey.PersonalMessage, later));
    });

    [Fact(Timeout = 10_000)]
    public Task Record_RateLimited_CooldownHonoursRetryAfterInFull() => Bounded.Run(() =>
    {
        var state = _policy.Record(AccountState.ForAccount("a"), _user, ActionKind.Invite, new ActionOutcome.RateLimited(TimeSpan.FromSeconds(600)), T0);
        var decision = _policy.Decide(state, _user, ActionKind.PersonalMessage, CampaignSchedule.Always, T0.AddSeconds(599));

        Assert.True(state.CooldownUntil >= T0.AddSeconds(600));
        Assert.Equal(PacingReason.Cooldown, decision.Reason);
        Assert.True(decision.EarliestAt >= T0.AddSeconds(600));
        Assert.Equal(AccountStatus.Cooldown, _policy.GetStatus(state, _user, T0.AddSeconds(10)).Status);
        Assert.Equal(0, state.Counters.Count(CounterKey.Invite, T0));
    });

    [Fact(Timeout = 10_000)]
    public Task Record_RateLimitedWithoutRetryAfter_DefaultCooldown() => Bounded.Run(() =>
    {
        var state = _policy.Record(AccountState.ForAccount("a"), _user, ActionKind.Invite, new ActionOutcome.RateLimited(TimeSpan.Zero), T0);

        Assert.True(state.CooldownUntil >= T0 + _policy.Options.DefaultCooldown);
    });

    [Fact(Timeout = 10_000)]
    public Task Record_RateLimitSignals_LengthenPausesMultiplicativelyUpToMax() => Bounded.Run(() =>
    {
        var state = AccountState.ForAccount("a");
        var factors = new List<double>();
        for (var i = 0; i < 6; i++)
        {
            state = _policy.Record(state, Unspread, ActionKind.Invite, new ActionOutcome.RateLimited(TimeSpan.FromSeconds(5)), T0.AddMinutes(i));
            factors.Add(state.PaceFactor);
        }

        Assert.Equal(new[] { 2.0, 4.0, 8.0, 8.0, 8.0, 8.0 }, factors);
        var after = state.CooldownUntil!.Value;
        var decision = _policy.Decide(state, Unspread, ActionKind.Invite, CampaignSchedule.Always, after);
        Assert.True(decision.EarliestAt - state.LastActionAt >= TimeSpan.FromSeconds(80), "the pause is 8 × at least 10 s");
    });

    [Fact(Timeout = 10_000)]
    public Task Record_CalmSuccesses_ShortenPaceSlowlyNeverBelowOne() => Bounded.Run(() =>
    {
        var state = AccountState.ForAccount("a") with { PaceFactor = 4.0, LastSlowdownAt = T0 };
        state = _policy.Record(state, Unspread, ActionKind.Invite, Done, T0.AddMinutes(10));
        Assert.Equal(4.0, state.PaceFactor);

        var previous = state.PaceFactor;
        var now = T0.AddHours(2);
        for (var i = 0; i < 40; i++)
        {
            now = now.AddMinutes(1);
            state = _policy.Record(state, Unspread, ActionKind.PersonalMessage, Done, now);
            Assert.True(state.PaceFactor <= previous && state.PaceFactor >= 1.0);
            Assert.True(state.PaceFactor >= previous * 0.9 - 1e-9, "recovery is slow");
            previous = state.PaceFactor;
        }

        Assert.Equal(1.0, state.PaceFactor);
        var decision = _policy.Decide(state, Unspread, ActionKind.Invite, CampaignSchedule.Always, now);
        Assert.True(decision.EarliestAt - now >= Unspread.MinPause, "never below the safe minimum pause");
    });

    [Fact(Timeout = 10_000)]
    public Task Record_AccountBlocked_NeverActsAgainUntilUnblocked() => Bounded.Run(() =>
    {
        var state = _policy.Record(AccountState.ForAccount("a"), _user, ActionKind.Invite, new ActionOutcome.AccountBlocked("PEER_FLOOD"), T0);
        var decision = _policy.Decide(state, _user, ActionKind.Invite, CampaignSchedule.Always, T0.AddDays(30));

        Assert.True(state.IsBlocked);
        Assert.Equal(PacingReason.Blocked, decision.Reason);
        Assert.True(decision.IsNever);
        Assert.Equal(new AccountStatusInfo(AccountStatus.Blocked, null, "PEER_FLOOD"), _policy.GetStatus(state, _user, T0));
        Assert.True(_policy.Decide(state.Unblock(), _user, ActionKind.Invite, CampaignSchedule.Always, T0.AddDays(1)).MayAct);
    });

    [Fact(Timeout = 10_000)]
    public Task Decide_WarmingAccount_LowerCapUntilTheNextStep() => Bounded.Run(() =>
    {
        // Day 2 of the ramp: 25 % of 50 invites. The step to 50 % comes at day 3, an hour later.
        var started = T0.AddDays(-2).AddHours(-23);
        var state = AccountState.ForAccount("new", started);
        var limits = Unspread;
        for (var i = 0; i < 12; i++)
        {
            state = _policy.Record(state, limits, ActionKind.Invite, Done, T0.AddMinutes(i));
        }

        var decision = _policy.Decide(state, limits, ActionKind.Invite, CampaignSchedule.Always, T0.AddMinutes(20));

        Assert.Equal(PacingReason.Warmup, decision.Reason);
        Assert.Equal(started.AddDays(3), decision.EarliestAt);
        Assert.Equal(new AccountStatusInfo(AccountStatus.Limited, started.AddDays(3)), _policy.GetStatus(state, limits, T0.AddMinutes(20)));
        Assert.Equal(new AccountStatusInfo(AccountStatus.Warming, started.AddDays(14)), _policy.GetStatus(state, limits, started.AddDays(3)));
    });

    [Fact(Timeout = 10_000)]
    public Task Decide_ZeroCap_NeverActs() => Bounded.Run(() =>
    {
        var limits = PlatformLimits.Default.For(PlatformKind.Telegram, AccountKind.User, new LimitOverrides(InvitesPerDay: 0));
        var decision = _policy.Decide(AccountState.ForAccount("a"), limits, ActionKind.Invite, CampaignSchedule.Always, T0);

        Assert.True(decision.IsNever);
        Assert.Equal(PacingReason.DailyCap, decision.Reason);
    });

    [Fact(Timeout = 10_000)]
    public Task Decide_DelayedStartAndClosedWindow_WaitForTheCampaign() => Bounded.Run(() =>
    {
        var window = new TimeWindow(new TimeOnly(9, 0), new TimeOnly(18, 0), "Europe/Berlin");
        var state = AccountState.ForAccount("a");

        var notStarted = _policy.Decide(state, _user, ActionKind.Invite, new CampaignSchedule(StartAt: T0.AddHours(2)), T0);
        var closed = _policy.Decide(state, _user, ActionKind.Invite, new CampaignSchedule(Window: window), Times.Utc(2026, 1, 5, 17, 30));

        Assert.Equal(new PacingDecision(T0.AddHours(2), PacingReason.NotStarted), notStarted);
        Assert.Equal(new PacingDecision(Times.Utc(2026, 1, 6, 8), PacingReason.OutsideWindow), closed);
    });

    [Fact(Timeout = 10_000)]
    public Task GetStatus_FreshAndWarmingAccounts() => Bounded.Run(() =>
    {
        Assert.Equal(new AccountStatusInfo(AccountStatus.Active), _policy.GetStatus(AccountState.ForAccount("a"), _user, T0));
        Assert.Equal(new AccountStatusInfo(AccountStatus.Warming, T0.AddDays(14)), _policy.GetStatus(AccountState.ForAccount("b", T0), _user, T0.AddDays(1)));
        Assert.Equal(AccountStatus.Active, _policy.GetStatus(AccountState.ForAccount("b", T0), _user, T0.AddDays(14)).Status);
    });

    [Fact(Timeout = 10_000)]
    public Task Constructor_InvalidOptions_Throws() => Bounded.Run(() =>
        Assert.Throws<ArgumentException>(() => new PacingPolicy(new PacingOptions { SlowdownMultiplier = 0.5 })));
}
