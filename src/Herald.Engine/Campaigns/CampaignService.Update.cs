using Herald.Engine.Model;
using Herald.Engine.Orchestrations;

namespace Herald.Engine.Campaigns;

public sealed partial class CampaignService
{
    /// <summary>
    /// Changes a scheduled campaign's definition before it starts (name, message, window, start time, priority): reads
    /// the row, checks <paramref name="precondition"/> against it (the caller's <c>If-Match</c>), applies
    /// <paramref name="change"/> and writes it conditional on the row's ETag, so a change made meanwhile (by another
    /// caller, or the start itself) is never overwritten. A new start time is signalled to the campaign's orchestration,
    /// which re-reads the row and sets its timer anew (an old timer that fires finds the campaign not yet due).
    /// </summary>
    public async Task<CampaignUpdate> UpdateScheduledAsync(
        string tenantId, string campaignId, Func<CampaignRecord, bool> precondition, Action<CampaignRecord> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(precondition);
        ArgumentNullException.ThrowIfNull(change);
        var campaign = await campaigns.GetAsync(tenantId, campaignId, cancellationToken);
        if (campaign is null)
        {
            return new CampaignUpdate(null, CampaignUpdateResult.NotFound);
        }

        if (!precondition(campaign))
        {
            return new CampaignUpdate(campaign, CampaignUpdateResult.Stale);
        }

        if (campaign.Status != CampaignStatus.Scheduled)
        {
            return new CampaignUpdate(campaign, CampaignUpdateResult.NotScheduled);
        }

        var startBefore = campaign.Campaign.Schedule.StartAt;
        var chatBefore = campaign.Campaign.TargetChat;
        change(campaign);
        if (campaign.Campaign.TargetChat != chatBefore)
        {
            // Rights in the old chat say nothing about the new one: its accounts are checked again before they start (R12).
            campaign.Excluded.Clear();
            campaign.RightsPending = campaign.NeedsRightsCheck;
        }

        if (!await campaigns.TryReplaceAsync(campaign, cancellationToken))
        {
            var now = await campaigns.GetAsync(tenantId, campaignId, cancellationToken);
            return new CampaignUpdate(now, now is null ? CampaignUpdateResult.NotFound : CampaignUpdateResult.Stale);
        }

        if (campaign.Campaign.Schedule.StartAt != startBefore)
        {
            await lifecycle.SignalAsync(tenantId, campaignId, CampaignSignal.Rescheduled, cancellationToken);
        }

        return new CampaignUpdate(campaign, CampaignUpdateResult.Updated);
    }
}

/// <summary>What <see cref="CampaignService.UpdateScheduledAsync"/> did.</summary>
/// <param name="Campaign">The campaign as it is now; null when there is none.</param>
/// <param name="Result">Whether the change was written, and if not why.</param>
public sealed record CampaignUpdate(CampaignRecord? Campaign, CampaignUpdateResult Result);

/// <summary>The result of a campaign change.</summary>
public enum CampaignUpdateResult
{
    /// <summary>Written.</summary>
    Updated,

    /// <summary>The tenant has no such campaign.</summary>
    NotFound,

    /// <summary>The precondition did not hold, or the row changed meanwhile: read it again.</summary>
    Stale,

    /// <summary>The campaign is not scheduled (it started, was paused or ended): its definition is fixed.</summary>
    NotScheduled,
}
