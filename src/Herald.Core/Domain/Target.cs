namespace Herald.Core.Domain;

/// <summary>One recipient inside one campaign.</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Recipient">Who it is.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Step">Index into the campaign's <see cref="Campaign.Actions"/> of the next action to run.</param>
/// <param name="FallbackPending">The invite was refused by privacy and a personal message is due instead (R13).</param>
/// <param name="FailureReason">Why it failed, when <see cref="Status"/> is <see cref="TargetStatus.Failed"/>.</param>
public sealed record Target(
    string CampaignId,
    Recipient Recipient,
    TargetStatus Status = TargetStatus.Pending,
    int Step = 0,
    bool FallbackPending = false,
    string? FailureReason = null)
{
    /// <summary>True when nothing more will happen to the target.</summary>
    public bool IsTerminal => Status is TargetStatus.Done or TargetStatus.Failed or TargetStatus.Unknown
        or TargetStatus.Skipped or TargetStatus.Cancelled;
}
