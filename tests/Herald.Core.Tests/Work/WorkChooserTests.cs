using Herald.Core.Work;

namespace Herald.Core.Tests.Work;

public sealed class WorkChooserTests
{
    private static readonly DateTimeOffset T0 = Times.Monday;
    private readonly PacingPolicy _policy = new();
    private readonly WorkChooser _chooser;
    private readonly AccountLimits _user = PlatformLimits.Default.For(PlatformKind.Telegram, AccountKind.User) with { SpreadOverDay = false };

    public WorkChooserTests() => _chooser = new WorkChooser(_policy);

    private static CampaignCandidate Candidate(string id, int priority, params ActionKind[] kinds) =>
        new(id, priority, T0, kinds.Length == 0 ? [ActionKind.Invite] : kinds, CampaignSchedule.Always);

    [Fact(Timeout = 10_000)]
    public Task Choose_HigherPriorityFirst() => Bounded.Run(() =>
    {
        var choice = _chooser.Choose(AccountState.ForAccount("a"), _user, [Candidate("low", 0), Candidate("high", 5)], T0);

        Assert.True(choice.IsAct);
        Assert.Equal("high", choice.CampaignId);
        Assert.Equal(ActionKind.Invite, choice.Action);
    });

    [Fact(Timeout = 10_000)]
    public Task Choose_OverManyActions_HighGetsMostLowStillAdvances() => Bounded.Run(() =>
    {
        var state = AccountState.ForAccount("a");
        var candidates = new[] { Candidate("high", 2), Candidate("low", 0) };
        var now = T0;
        var served = new Dictionary<string, int> { ["high"] = 0, ["low"] = 0 };
        var longestLowGap = 0;
        var gap = 0;
        for (var i = 0; i < 200; i++)
        {
            var choice = _chooser.Choose(state, _user, candidates, now);
            if (!choice.IsAct)
            {
                now = choice.NextAt!.Value;
                i--;
                continue;
            }

            served[choice.CampaignId!]++;
            gap = choice.CampaignId == "low" ? 0 : gap + 1;
            longestLowGap = Math.Max(longestLowGap, gap);
            state = _policy.Record(state, _user, new PacedAction(ActionKind.Invite, choice.CampaignId), new ActionOutcome.Done(DoneKind.Invited), now.AddSeconds(1));
            now = now.AddSeconds(1);
        }

        Assert.True(served["high"] > 2 * served["low"], $"high {served["high"]}, low {served["low"]}");
        Assert.True(served["low"] >= 15, $"low {served["low"]}");
        Assert.InRange(longestLowGap, 1, 2 * 3 + 2);
    });

    [Fact(Timeout = 10_000)]
    public Task Choose_EqualPriority_TheOneWaitingLongerFirst() => Bounded.Run(() =>
    {
        var state = AccountState.ForAccount("a") with
        {
            LastServed = new Dictionary<string, DateTimeOffset> { ["x"] = T0.AddMinutes(-1), ["y"] = T0.AddMinutes(-5) },
        };

        var earlier = T0.AddHours(-1);
        var choice = _chooser.Choose(state, _user,
            [Candidate("x", 1) with { RunnableSince = earlier }, Candidate("y", 1) with { RunnableSince = earlier }], T0);

        Assert.Equal("y", choice.CampaignId);
    });

    [Fact(Timeout = 10_000)]
    public Task Choose_AccountInCooldown_WaitsUntilItEnds() => Bounded.Run(() =>
    {
        var state = _policy.Record(AccountState.ForAccount("a"), _user, ActionKind.Invite, new ActionOutcome.RateLimited(TimeSpan.FromMinutes(20)), T0);

        var choice = _chooser.Choose(state, _user, [Candidate("c", 0)], T0.AddMinutes(1));

        Assert.True(choice.IsWait);
        Assert.Equal(PacingReason.Cooldown, choice.Reason);
        Assert.Equal(state.CooldownUntil, choice.NextAt);
    });

    [Fact(Timeout = 10_000)]
    public Task Choose_NoCandidates_Idle() => Bounded.Run(() =>
        Assert.True(_chooser.Choose(AccountState.ForAccount("a"), _user, [], T0).IsIdle));

    [Fact(Timeout = 10_000)]
    public Task Choose_FirstKindCapped_TakesTheCampaignsNextKind() => Bounded.Run(() =>
    {
        var limits = _user with { AddContactsPerDay = 1 };
        var state = _policy.Record(AccountState.ForAccount("a"), limits, ActionKind.AddContact, new ActionOutcome.Done(DoneKind.ContactAdded), T0);

        var choice = _chooser.Choose(state, limits, [Candidate("c", 0, ActionKind.AddContact, ActionKind.PersonalMessage)], T0.AddMinutes(1));

        Assert.Equal(ActionKind.PersonalMessage, choice.Action);
    });

    [Fact(Timeout = 10_000)]
    public Task Choose_BlockedAccount_WaitsForever() => Bounded.Run(() =>
    {
        var state = AccountState.ForAccount("a") with { BlockedReason = "PEER_FLOOD" };

        var choice = _chooser.Choose(state, _user, [Candidate("c", 0)], T0);

        Assert.Equal(WorkChoice.Wait(DateTimeOffset.MaxValue, PacingReason.Blocked), choice);
    });
}
