namespace Herald.Engine.Actors;

// The reason codes the actor writes into targets (codes only, never PII).
public sealed partial class AccountActor
{
    /// <summary>The reason code of a target skipped because its recipient is suppressed.</summary>
    public const string SuppressedReason = "suppressed";

    /// <summary>The platform's reason code for a recipient who blocked the bot (suppressed from then on, R34).</summary>
    public const string BlockedByUserReason = "blocked_by_user";

    /// <summary>The platform's reason code for a deleted or deactivated recipient (suppressed: never reachable again).</summary>
    public const string DeactivatedReason = "user_deactivated";
}
