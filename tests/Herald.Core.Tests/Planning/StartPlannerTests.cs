using Herald.Core.Planning;

namespace Herald.Core.Tests.Planning;

public sealed class StartPlannerTests
{
    private static readonly DateTimeOffset T0 = Times.Monday;
    private readonly StartPlanner _planner = new(new PacingPolicy());
    private readonly AccountLimits _user = PlatformLimits.Default.For(PlatformKind.Telegram, AccountKind.User);

    private List<PlanAccount> Accounts(int count, DateTimeOffset? warmupStartedAt = null) =>
        [.. Enumerable.Range(0, count).Select(i => new PlanAccount($"a{i}", AccountState.ForAccount($"a{i}", warmupStartedAt), _user))];

    [Fact(Timeout = 10_000)]
    public Task Plan_TenAccounts_SpeedSharesAndEta() => Bounded.Run(() =>
    {
        var plan = _planner.Plan(new StartPlanRequest(1000, [ActionKind.Invite], CampaignSchedule.Always, Accounts(10)), T0);

        Assert.Equal(500, plan.ActionsPerDay, 3);
        Assert.Equal(500 / 24.0, plan.ActionsPerHour, 3);
        Assert.All(plan.Shares, s => Assert.Equal((0.1, 100, AccountStatus.Active), (Math.Round(s.Share, 6), s.PlannedRecipients, s.Status)));
        Assert.Equal(T0.AddDays(2), plan.EstimatedFinish!.Value, TimeSpan.FromMinutes(1));
        Assert.True(plan.FitsDeadline);
        Assert.Null(plan.Warning);
    });

    [Fact(Timeout = 10_000)]
    public Task Plan_TimeWindow_FasterPerOpenHourSameDailyCap() => Bounded.Run(() =>
    {
        var schedule = new CampaignSchedule(Window: new TimeWindow(new TimeOnly(9, 0), new TimeOnly(21, 0), "UTC"));

        var plan = _planner.Plan(new StartPlanRequest(1000, [ActionKind.Invite], schedule, Accounts(10)), Times.Utc(2026, 1, 5, 9));

        Assert.Equal(500 / 12.0, plan.ActionsPerHour, 3);
        // Two open days: Monday 09–21 and Tuesday 09–21.
        Assert.Equal(Times.Utc(2026, 1, 6, 21), plan.EstimatedFinish!.Value, TimeSpan.FromMinutes(1));
    });

    [Fact(Timeout = 10_000)]
    public Task Plan_MixedAccounts_WarmingAndBlockedGetSmallerShares() => Bounded.Run(() =>
    {
        var accounts = Accounts(2);
        accounts.Add(new PlanAccount("new", AccountState.ForAccount("new", T0), _user));
        accounts.Add(new PlanAccount("gone", AccountState.ForAccount("gone") with { BlockedReason = "PEER_FLOOD" }, _user));

        var plan = _planner.Plan(new StartPlanRequest(600, [ActionKind.Invite], CampaignSchedule.Always, accounts), T0);

        var shares = plan.Shares.ToDictionary(s => s.AccountId);
        Assert.Equal(12, shares["new"].RecipientsPerDay);
        Assert.Equal(AccountStatus.Warming, shares["new"].Status);
        Assert.Equal(0, shares["gone"].PlannedRecipients);
        Assert.Equal(AccountStatus.Blocked, shares["gone"].Status);
        Assert.True(shares["a0"].Share > shares["new"].Share);
        Assert.InRange(plan.Shares.Sum(s => s.PlannedRecipients), 599, 601);
    });

    [Fact(Timeout = 10_000)]
    public Task Plan_DeadlineTooSoon_ClearWarning() => Bounded.Run(() =>
    {
        var plan = _planner.Plan(new StartPlanRequest(5000, [ActionKind.Invite], CampaignSchedule.Always, Accounts(4), FinishBy: T0.AddDays(7)), T0);

        Assert.False(plan.FitsDeadline);
        Assert.Contains("cannot finish by", plan.Warning, StringComparison.Ordinal);
        Assert.Equal(T0.AddDays(25), plan.EstimatedFinish!.Value, TimeSpan.FromMinutes(1));
    });

    [Fact(Timeout = 10_000)]
    public Task Plan_SeveralActionsAndLinks_SlowestCapRules() => Bounded.Run(() =>
    {
        var plan = _planner.Plan(new StartPlanRequest(100, [ActionKind.AddContact, ActionKind.PersonalMessage], CampaignSchedule.Always, Accounts(1), MessageHasLinks: true), T0);

        Assert.Equal(10, plan.Shares[0].RecipientsPerDay);
        Assert.Equal(20, plan.ActionsPerDay);
    });

    [Fact(Timeout = 10_000)]
    public Task Plan_NoUsableAccounts_Warns() => Bounded.Run(() =>
    {
        var blocked = new PlanAccount("x", AccountState.ForAccount("x") with { BlockedReason = "banned" }, _user);

        Assert.Contains("blocked", _planner.Plan(new StartPlanRequest(10, [ActionKind.Invite], CampaignSchedule.Always, [blocked]), T0).Warning, StringComparison.Ordinal);
        var none = _planner.Plan(new StartPlanRequest(10, [ActionKind.Invite], CampaignSchedule.Always, []), T0);
        Assert.Null(none.EstimatedFinish);
        Assert.Contains("No accounts", none.Warning, StringComparison.Ordinal);
    });
}
