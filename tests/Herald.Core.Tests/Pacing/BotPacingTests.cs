
namespace Herald.Core.Tests.Pacing;

public sealed class BotPacingTests
{
    private static readonly DateTimeOffset T0 = Times.Monday;
    private static readonly ActionOutcome Sent = new ActionOutcome.Done(DoneKind.Messaged);
    private readonly PacingPolicy _policy = new();
    private readonly AccountLimits _bot = PlatformLimits.Default.For(PlatformKind.Telegram, AccountKind.Bot);

    private AccountState SendMany(AccountState state, AccountLimits limits, int count, Func<int, PacedAction> action, Func<int, DateTimeOffset> at)
    {
        for (var i = 0; i < count; i++)
        {
            state = _policy.Record(state, limits, action(i), Sent, at(i));
        }

        return state;
    }

    [Fact(Timeout = 10_000)]
    public Task Decide_ThirtyInOneSecond_NextWaitsForTheFirstToLeave() => Bounded.Run(() =>
    {
        var state = SendMany(AccountState.ForAccount("bot"), _bot, 30,
            i => new PacedAction(ActionKind.BotMessage, Chat: "user" + i), i => T0.AddMilliseconds(10 * i));

        var decision = _policy.Decide(state, _bot, new PacedAction(ActionKind.BotMessage, Chat: "another"), CampaignSchedule.Always, T0.AddMilliseconds(300));

        Assert.Equal(PacingReason.Rate, decision.Reason);
        Assert.Equal(T0.AddSeconds(1), decision.EarliestAt);
    });

    [Fact(Timeout = 10_000)]
    public Task Decide_SameChatWithinASecond_WaitsOtherChatMayGo() => Bounded.Run(() =>
    {
        var state = _policy.Record(AccountState.ForAccount("bot"), _bot, new PacedAction(ActionKind.BotMessage, Chat: "42"), Sent, T0);
        var now = T0.AddMilliseconds(200);

        var same = _policy.Decide(state, _bot, new PacedAction(ActionKind.BotMessage, Chat: "42"), CampaignSchedule.Always, now);
        var other = _policy.Decide(state, _bot, new PacedAction(ActionKind.BotMessage, Chat: "43"), CampaignSchedule.Always, now);

        Assert.Equal(new PacingDecision(T0.AddSeconds(1), PacingReason.Rate), same);
        Assert.True(other.MayAct);
    });

    [Fact(Timeout = 10_000)]
    public Task Decide_GroupChat_TwentyPerMinute() => Bounded.Run(() =>
    {
        var group = new PacedAction(ActionKind.BotMessage, Chat: "-100500", IsGroupChat: true);
        var state = SendMany(AccountState.ForAccount("bot"), _bot, 20, _ => group, i => T0.AddSeconds(2 * i));

        var decision = _policy.Decide(state, _bot, group, CampaignSchedule.Always, T0.AddSeconds(45));

        Assert.Equal(new PacingDecision(T0.AddMinutes(1), PacingReason.Rate), decision);
    });

    [Fact(Timeout = 10_000)]
    public Task GetBatchBudget_PerSecondLessRecentSendsAndSlowdown() => Bounded.Run(() =>
    {
        var fresh = AccountState.ForAccount("bot");
        Assert.Equal(30, _policy.GetBatchBudget(fresh, _bot, ActionKind.BotMessage, CampaignSchedule.Always, T0).Count);

        var state = SendMany(fresh, _bot, 10, i => new PacedAction(ActionKind.BotMessage, Chat: "u" + i), _ => T0);
        Assert.Equal(20, _policy.GetBatchBudget(state, _bot, ActionKind.BotMessage, CampaignSchedule.Always, T0.AddMilliseconds(100)).Count);

        var slowed = fresh with { PaceFactor = 2 };
        Assert.Equal(15, _policy.GetBatchBudget(slowed, _bot, ActionKind.BotMessage, CampaignSchedule.Always, T0).Count);

        var cooling = _policy.Record(fresh, _bot, ActionKind.BotMessage, new ActionOutcome.RateLimited(TimeSpan.FromSeconds(7)), T0);
        var budget = _policy.GetBatchBudget(cooling, _bot, ActionKind.BotMessage, CampaignSchedule.Always, T0.AddSeconds(1));
        Assert.Equal(0, budget.Count);
        Assert.Equal(PacingReason.Cooldown, budget.Reason);
        Assert.True(budget.NextAt >= T0.AddSeconds(7));
    });

    [Fact(Timeout = 10_000)]
    public Task Decide_WhatsAppTier_UniqueRecipientsPer24Hours() => Bounded.Run(() =>
    {
        var cloud = PlatformLimits.Default.For(PlatformKind.WhatsApp, AccountKind.Bot);
        var state = SendMany(AccountState.ForAccount("wa"), cloud, 250,
            i => new PacedAction(ActionKind.BotMessage, Chat: "+4917000" + i), i => T0.AddSeconds(i));

        var decision = _policy.Decide(state, cloud, new PacedAction(ActionKind.BotMessage, Chat: "+49170999"), CampaignSchedule.Always, T0.AddHours(1));
        var budget = _policy.GetBatchBudget(AccountState.ForAccount("wa2"), cloud, ActionKind.BotMessage, CampaignSchedule.Always, T0);

        Assert.Equal(new PacingDecision(T0.AddDays(1), PacingReason.DailyCap), decision);
        Assert.Equal(80, budget.Count);
    });

    [Fact(Timeout = 10_000)]
    public Task Record_ManySends_RecentSendsStayBounded() => Bounded.Run(() =>
    {
        var state = SendMany(AccountState.ForAccount("bot"), _bot, 10_000,
            i => new PacedAction(ActionKind.BotMessage, Chat: "u" + i), i => T0.AddMilliseconds(34 * i));

        Assert.InRange(state.RecentSends.Length, 1, 31);
        Assert.InRange(state.Serialize().Length, 1, 4096);
    });
}
