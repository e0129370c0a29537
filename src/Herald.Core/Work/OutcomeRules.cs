using Herald.Core.Domain;
using Herald.Core.Outcomes;

namespace Herald.Core.Work;

/// <summary>What happens to a target after an outcome.</summary>
public enum TargetNext
{
    /// <summary>Done: count it (see <see cref="TargetDisposition.Done"/>).</summary>
    Done,

    /// <summary>Back to pending at once, for any account (the account rests, is blocked or left the campaign; the target did nothing wrong).</summary>
    Requeue,

    /// <summary>Back to pending after <see cref="TargetDisposition.RetryAfter"/> (a transient failure).</summary>
    Retry,

    /// <summary>Run <see cref="TargetDisposition.Fallback"/> instead (R13), counted as messaged instead of invited when done.</summary>
    Fallback,

    /// <summary>Failed for good with <see cref="TargetDisposition.Reason"/>.</summary>
    Failed,
}

/// <summary>The engine's next step for a target after one outcome.</summary>
/// <param name="Next">What happens.</param>
/// <param name="Done">For <see cref="TargetNext.Done"/>, what is counted.</param>
/// <param name="Fallback">For <see cref="TargetNext.Fallback"/>, the action to run instead.</param>
/// <param name="RetryAfter">For <see cref="TargetNext.Retry"/>, the backoff.</param>
/// <param name="Reason">For <see cref="TargetNext.Failed"/> (and requeues), why.</param>
public readonly record struct TargetDisposition(
    TargetNext Next,
    DoneKind? Done = null,
    ActionKind? Fallback = null,
    TimeSpan? RetryAfter = null,
    string? Reason = null);

/// <summary>The target-side rules for outcomes (R13, R18, R19), shared by the engine and the simulation.</summary>
public static class OutcomeRules
{
    /// <summary>Transient failures are retried this many times before the target fails.</summary>
    public const int MaxTransientAttempts = 5;

    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);

    /// <summary>
    /// The next step for a target whose <paramref name="action"/> ended in <paramref name="outcome"/>.
    /// <paramref name="isFallback"/> says the action was itself the privacy fallback; <paramref name="attempt"/> counts
    /// transient failures so far (1 for the first).
    /// </summary>
    public static TargetDisposition NextStep(ActionKind action, ActionOutcome outcome, bool allowsFallback, bool isFallback = false, int attempt = 1)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome switch
        {
            ActionOutcome.Done done => new TargetDisposition(TargetNext.Done, isFallback ? DoneKind.MessagedInsteadOfInvited : done.Kind),
            ActionOutcome.RateLimited => new TargetDisposition(TargetNext.Requeue, Reason: "rate-limited"),
            ActionOutcome.AccountBlocked => new TargetDisposition(TargetNext.Requeue, Reason: "account-blocked"),
            ActionOutcome.NotInCampaign => new TargetDisposition(TargetNext.Requeue, Reason: "not-in-campaign"),
            ActionOutcome.BalanceSpent => new TargetDisposition(TargetNext.Requeue, Reason: "balance-spent"),
            ActionOutcome.PrivacyRestricted p when FallbackFor(action, outcome, allowsFallback && !isFallback) is { } fallback =>
                new TargetDisposition(TargetNext.Fallback, Fallback: fallback, Reason: p.Reason),
            ActionOutcome.PrivacyRestricted p => new TargetDisposition(TargetNext.Failed, Reason: "privacy: " + p.Reason),
            ActionOutcome.RecipientGone g => new TargetDisposition(TargetNext.Failed, Reason: "gone: " + g.Reason),
            ActionOutcome.Permanent p => new TargetDisposition(TargetNext.Failed, Reason: "permanent: " + p.Reason),
            ActionOutcome.Transient t when attempt >= MaxTransientAttempts =>
                new TargetDisposition(TargetNext.Failed, Reason: "transient: " + t.Reason),
            ActionOutcome.Transient t => new TargetDisposition(TargetNext.Retry, RetryAfter: Backoff(attempt), Reason: t.Reason),
            _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown outcome."),
        };
    }

    /// <summary>
    /// The privacy fallback (R13): an invite refused by the recipient's privacy settings becomes a personal message
    /// when the campaign allows it; null otherwise.
    /// </summary>
    public static ActionKind? FallbackFor(ActionKind action, ActionOutcome outcome, bool allowsFallback) =>
        allowsFallback && action == ActionKind.Invite && outcome is ActionOutcome.PrivacyRestricted
            ? ActionKind.PersonalMessage
            : null;

    /// <summary>Exponential backoff for transient failures: 30 s, 1 min, 2 min… at most an hour.</summary>
    public static TimeSpan Backoff(int attempt)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt - 1, 0, 20));
        var backoff = FirstBackoff * factor;
        return backoff > MaxBackoff ? MaxBackoff : backoff;
    }
}
