namespace Herald.Core.Domain;

/// <summary>Where one recipient of a campaign stands.</summary>
public enum TargetStatus
{
    /// <summary>Waiting for an account to take it.</summary>
    Pending,

    /// <summary>Claimed by an attempt that is acting on it now.</summary>
    Sending,

    /// <summary>Done: the action (or its fallback) happened.</summary>
    Done,

    /// <summary>Failed for good, with a reason (recipient gone, privacy, permanent error).</summary>
    Failed,

    /// <summary>An attempt died half-way and the campaign is at-most-once: not re-sent, reported as unknown.</summary>
    Unknown,

    /// <summary>Skipped: the recipient is on the tenant's suppression list (R34) or a duplicate.</summary>
    Skipped,

    /// <summary>The campaign was cancelled before the target was reached.</summary>
    Cancelled,
}
