namespace Herald.Host.Alerts;

/// <summary>What an alert is about.</summary>
public enum AlertKind
{
    /// <summary>A platform blocked an account.</summary>
    AccountBlocked,

    /// <summary>A platform limited an account (a long restriction).</summary>
    AccountLimited,

    /// <summary>Many rate-limit answers in a short time.</summary>
    FloodWaitSpike,

    /// <summary>A campaign ended with failed or unknown recipients.</summary>
    CampaignEndedWithErrors,

    /// <summary>Every account of a campaign rests longer than the setting.</summary>
    AllAccountsResting,
}

/// <summary>One alert: its kind, what it is about (tenant and account or campaign id: the deduplication key) and its text.</summary>
public sealed record OperatorAlert(AlertKind Kind, string TenantId, string SubjectId, string Text);

/// <summary>An account as the monitor saw it.</summary>
public sealed record AccountSnapshot(string TenantId, string AccountId, string Status, string? Reason, DateTimeOffset? Until);

/// <summary>A campaign as the monitor saw it (only counts and reason codes: no recipient, no message, no name).</summary>
public sealed record CampaignSnapshot(
    string TenantId,
    string CampaignId,
    string Status,
    string? WaitingReason,
    DateTimeOffset? ResumeAt,
    DateTimeOffset? EndedAt,
    long Failed,
    long Unknown,
    IReadOnlyDictionary<string, long> Reasons);
