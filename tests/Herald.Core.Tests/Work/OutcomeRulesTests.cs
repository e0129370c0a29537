using Herald.Core.Work;

namespace Herald.Core.Tests.Work;

public sealed class OutcomeRulesTests
{
    private static readonly ActionOutcome Privacy = new ActionOutcome.PrivacyRestricted("USER_PRIVACY_RESTRICTED");

    [Fact(Timeout = 10_000)]
    public Task NextStep_PrivacyRefusedInviteWithFallback_MessageCountedSeparately() => Bounded.Run(() =>
    {
        var refused = OutcomeRules.NextStep(ActionKind.Invite, Privacy, allowsFallback: true);
        var messaged = OutcomeRules.NextStep(ActionKind.PersonalMessage, new ActionOutcome.Done(DoneKind.Messaged), allowsFallback: true, isFallback: true);

        Assert.Equal(TargetNext.Fallback, refused.Next);
        Assert.Equal(ActionKind.PersonalMessage, refused.Fallback);
        Assert.Equal(new TargetDisposition(TargetNext.Done, DoneKind.MessagedInsteadOfInvited), messaged);
    });

    [Fact(Timeout = 10_000)]
    public Task NextStep_PrivacyWithoutFallbackOrOnTheFallback_Fails() => Bounded.Run(() =>
    {
        Assert.Equal(TargetNext.Failed, OutcomeRules.NextStep(ActionKind.Invite, Privacy, allowsFallback: false).Next);
        Assert.Equal(TargetNext.Failed, OutcomeRules.NextStep(ActionKind.PersonalMessage, Privacy, allowsFallback: true, isFallback: true).Next);
        Assert.Equal(TargetNext.Failed, OutcomeRules.NextStep(ActionKind.AddContact, Privacy, allowsFallback: true).Next);
        Assert.Null(OutcomeRules.FallbackFor(ActionKind.Invite, new ActionOutcome.Done(DoneKind.Invited), allowsFallback: true));
    });

    [Fact(Timeout = 10_000)]
    public Task NextStep_AccountSideOutcomes_RequeueForOthers() => Bounded.Run(() =>
    {
        Assert.Equal(TargetNext.Requeue, OutcomeRules.NextStep(ActionKind.Invite, new ActionOutcome.RateLimited(TimeSpan.FromMinutes(5)), false).Next);
        Assert.Equal(TargetNext.Requeue, OutcomeRules.NextStep(ActionKind.Invite, new ActionOutcome.AccountBlocked("PEER_FLOOD"), false).Next);
        Assert.Equal(TargetNext.Requeue, OutcomeRules.NextStep(ActionKind.Invite, new ActionOutcome.NotInCampaign("chat_admin_required"), true).Next);
        // A spent Stars balance is the bot's problem, never the recipient's: the target waits for the resumed campaign.
        Assert.Equal(TargetNext.Requeue, OutcomeRules.NextStep(ActionKind.BotMessage, new ActionOutcome.BalanceSpent("stars_balance_spent"), false).Next);
        Assert.Equal(TargetNext.Failed, OutcomeRules.NextStep(ActionKind.Invite, new ActionOutcome.RecipientGone("deleted"), false).Next);
        Assert.Equal(TargetNext.Failed, OutcomeRules.NextStep(ActionKind.Invite, new ActionOutcome.Permanent("CHAT_ADMIN_REQUIRED"), false).Next);
    });

    [Fact(Timeout = 10_000)]
    public Task NextStep_Transient_BacksOffThenFails() => Bounded.Run(() =>
    {
        var transient = new ActionOutcome.Transient("timeout");
        var backoffs = Enumerable.Range(1, OutcomeRules.MaxTransientAttempts - 1)
            .Select(a => OutcomeRules.NextStep(ActionKind.Invite, transient, false, attempt: a))
            .ToList();

        Assert.All(backoffs, d => Assert.Equal(TargetNext.Retry, d.Next));
        Assert.Equal(TimeSpan.FromSeconds(30), backoffs[0].RetryAfter);
        Assert.Equal(TimeSpan.FromMinutes(1), backoffs[1].RetryAfter);
        Assert.Equal(TargetNext.Failed, OutcomeRules.NextStep(ActionKind.Invite, transient, false, attempt: OutcomeRules.MaxTransientAttempts).Next);
        Assert.Equal(TimeSpan.FromHours(1), OutcomeRules.Backoff(30));
    });
}
