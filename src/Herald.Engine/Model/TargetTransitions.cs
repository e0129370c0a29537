using Herald.Core.Domain;

namespace Herald.Engine.Model;

/// <summary>
/// The moves of a target that leave its attempt: handed back to pending, or, when its attempt is gone while it was in
/// <c>sending</c>, the one rule that decides between pending and <c>unknown</c> (used by recovery and the orphan sweep).
/// </summary>
public static class TargetTransitions
{
    /// <summary>The reason code of a target whose attempt died while acting (at-most-once).</summary>
    public const string AttemptDiedReason = "attempt_died";

    /// <summary>Back to pending, owned by nobody: any account may claim it again.</summary>
    public static void Requeue(this TargetRecord target)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Status = TargetStatus.Pending;
        target.Attempt = null;
        target.AccountId = null;
    }

    /// <summary>
    /// A target its attempt left in <c>sending</c> and will never finish: back to pending when it is safe to do again
    /// (at-least-once, or it never reached the platform), otherwise <c>unknown</c> (at-most-once: it may have been
    /// delivered), then owned by <paramref name="owner"/>. True when it went back to pending.
    /// </summary>
    public static bool ResolveAbandoned(this TargetRecord target, DeliveryMode delivery, string owner)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (delivery == DeliveryMode.AtLeastOnce || !target.Started)
        {
            target.Requeue();
            return true;
        }

        target.Status = TargetStatus.Unknown;
        target.Reason = AttemptDiedReason;
        target.Attempt = owner;
        return false;
    }
}
