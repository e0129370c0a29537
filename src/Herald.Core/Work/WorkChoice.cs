using Herald.Core.Domain;
using Herald.Core.Pacing;

namespace Herald.Core.Work;

/// <summary>What an account should do in this tick: act for one campaign, wait until a time, or nothing at all.</summary>
/// <param name="CampaignId">The chosen campaign, when acting.</param>
/// <param name="Action">The chosen action kind, when acting.</param>
/// <param name="NextAt">Acting: now. Waiting: the earliest time any candidate becomes possible (<see cref="DateTimeOffset.MaxValue"/> for never). Idle: null.</param>
/// <param name="Reason">Why it waits (<see cref="PacingReason.None"/> when acting or idle).</param>
public readonly record struct WorkChoice(string? CampaignId, ActionKind? Action, DateTimeOffset? NextAt, PacingReason Reason)
{
    /// <summary>True when the account should act now.</summary>
    public bool IsAct => CampaignId is not null;

    /// <summary>True when there is work but the account must wait until <see cref="NextAt"/>.</summary>
    public bool IsWait => CampaignId is null && NextAt is not null;

    /// <summary>True when no campaign has work for the account: it sleeps until something changes.</summary>
    public bool IsIdle => CampaignId is null && NextAt is null;

    /// <summary>Act for a campaign now.</summary>
    public static WorkChoice Act(string campaignId, ActionKind action, DateTimeOffset now) => new(campaignId, action, now, PacingReason.None);

    /// <summary>Wait until a time.</summary>
    public static WorkChoice Wait(DateTimeOffset until, PacingReason reason) => new(null, null, until, reason);

    /// <summary>Nothing to do.</summary>
    public static WorkChoice Idle { get; } = new(null, null, null, PacingReason.None);
}
