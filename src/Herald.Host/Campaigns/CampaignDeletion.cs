using Herald.Engine.Campaigns;
using Herald.Engine.Model;
using Herald.Host.WhatsApp;

namespace Herald.Host.Campaigns;

/// <summary>
/// Deletes an ended campaign with everything that holds its recipients: first the host's delivery receipts
/// (<see cref="DeliveryEraser"/>), then the engine's targets, statistics and campaign row (<see cref="CampaignEraser"/>).
/// The receipts go first, so a delete that dies half-way leaves the campaign there to be deleted again, never receipts
/// without their campaign. The API's <c>DELETE</c> and <see cref="CampaignRetention"/> both delete through here.
/// </summary>
internal sealed class CampaignDeletion(CampaignService campaigns, CampaignEraser eraser, DeliveryEraser deliveries)
{
    /// <summary>Deletes the campaign if it has ended.</summary>
    public async Task<CampaignErasure> EraseEndedAsync(string tenantId, string campaignId, CancellationToken cancellationToken = default)
    {
        var campaign = await campaigns.GetAsync(tenantId, campaignId, cancellationToken);
        if (campaign is not null && campaign.Status.IsTerminal())
        {
            await deliveries.EraseAsync(tenantId, campaignId, cancellationToken);
        }

        return await eraser.EraseEndedAsync(tenantId, campaignId, cancellationToken);
    }

    /// <summary>Ended campaigns of every tenant that ended before <paramref name="endedBefore"/> (for retention).</summary>
    public Task<IReadOnlyList<CampaignRecord>> ListEndedBeforeAsync(DateTimeOffset endedBefore, CancellationToken cancellationToken = default) =>
        eraser.ListEndedBeforeAsync(endedBefore, cancellationToken);
}
