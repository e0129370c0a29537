using Herald.Core.Work;

namespace Herald.Core.Tests.Work;

public sealed class CampaignViewTests
{
    private static readonly DateTimeOffset T0 = Times.Monday;
    private static readonly ActionKind[] Invites = [ActionKind.Invite];
    private readonly PacingPolicy _policy = new();
    private readonly CampaignView _view;
    private readonly AccountLimits _user = PlatformLimits.Default.For(PlatformKind.Telegram, AccountKind.User);

    public CampaignViewTests() => _view = new CampaignView(_policy);

    private CampaignAccount Cooling(string id, int minutes) => new(
        _policy.Record(AccountState.ForAccount(id), _user, ActionKind.Invite, new ActionOutcome.RateLimited(TimeSpan.FromMinutes(minutes)), T0), _user);

    [Fact(Timeout = 10_000)]
    public Task Evaluate_EveryAccountResting_WaitingUntilTheFirstIsRested() => Bounded.Run(() =>
    {
        var accounts = new[] { Cooling("a", 30), Cooling("b", 10) };

        var readiness = _view.Evaluate(accounts, CampaignSchedule.Always, Invites, T0.AddMinutes(1));

        Assert.Equal(CampaignRunState.Waiting, readiness.State);
        Assert.Equal(accounts[1].State.CooldownUntil, readiness.ResumeAt);
        Assert.Equal((0, 2, 0), (readiness.Available, readiness.Resting, readiness.Blocked));
    });

    [Fact(Timeout = 10_000)]
    public Task Evaluate_AccountOnlyPausing_Running() => Bounded.Run(() =>
    {
        var pausing = new CampaignAccount(_policy.Record(AccountState.ForAccount("p"), _user, ActionKind.Invite, new ActionOutcome.Done(DoneKind.Invited), T0), _user);

        var readiness = _view.Evaluate([Cooling("a", 30), pausing], CampaignSchedule.Always, Invites, T0.AddSeconds(1));

        Assert.Equal(CampaignRunState.Running, readiness.State);
        Assert.Null(readiness.ResumeAt);
    });

    [Fact(Timeout = 10_000)]
    public Task Evaluate_AccountAdded_RunningAtOnce() => Bounded.Run(() =>
    {
        var resting = new[] { Cooling("a", 30) };
        Assert.Equal(CampaignRunState.Waiting, _view.Evaluate(resting, CampaignSchedule.Always, Invites, T0).State);

        var added = resting.Append(new CampaignAccount(AccountState.ForAccount("new", T0), _user));
        Assert.Equal(CampaignRunState.Running, _view.Evaluate(added, CampaignSchedule.Always, Invites, T0).State);
    });

    [Fact(Timeout = 10_000)]
    public Task Evaluate_AllBlocked_WaitingForAnAccount() => Bounded.Run(() =>
    {
        var blocked = new CampaignAccount(AccountState.ForAccount("x") with { BlockedReason = "PEER_FLOOD" }, _user);

        var readiness = _view.Evaluate([blocked], CampaignSchedule.Always, Invites, T0);

        Assert.Equal(new CampaignReadiness(CampaignRunState.Waiting, null, 0, 0, 1), readiness);
        Assert.Equal(new CampaignReadiness(CampaignRunState.Waiting, null, 0, 0, 0), _view.Evaluate([], CampaignSchedule.Always, Invites, T0));
    });

    [Fact(Timeout = 10_000)]
    public Task Evaluate_WindowClosed_OutsideWindowUntilItOpens() => Bounded.Run(() =>
    {
        var schedule = new CampaignSchedule(Window: new TimeWindow(new TimeOnly(9, 0), new TimeOnly(18, 0), "Europe/Berlin"));

        var readiness = _view.Evaluate([new CampaignAccount(AccountState.ForAccount("a"), _user)], schedule, Invites, Times.Utc(2026, 1, 5, 20, 0));

        Assert.Equal(CampaignRunState.OutsideWindow, readiness.State);
        Assert.Equal(Times.Utc(2026, 1, 6, 8, 0), readiness.ResumeAt);
    });

    [Fact(Timeout = 10_000)]
    public Task Evaluate_DailyCapsUsed_WaitingUntilASlotFrees() => Bounded.Run(() =>
    {
        var limits = _user with { InvitesPerDay = 2, SpreadOverDay = false };
        var state = AccountState.ForAccount("a");
        state = _policy.Record(state, limits, ActionKind.Invite, new ActionOutcome.Done(DoneKind.Invited), T0);
        state = _policy.Record(state, limits, ActionKind.Invite, new ActionOutcome.Done(DoneKind.Invited), T0.AddMinutes(1));

        var readiness = _view.Evaluate([new CampaignAccount(state, limits)], CampaignSchedule.Always, Invites, T0.AddHours(1));

        Assert.Equal(new CampaignReadiness(CampaignRunState.Waiting, T0.AddDays(1), 0, 1, 0), readiness);
    });
}
