using Herald.Engine.Model;

namespace Herald.Engine.Campaigns;

public sealed partial class CampaignService
{
    /// <summary>
    /// Records that the campaign's orchestration failed for good (<paramref name="error"/>, for a person to read) and ends
    /// a campaign that has not ended: it is cancelled, what was left counts as cancelled, and its accounts stop before
    /// their next action (they read the row first). An ended campaign keeps its status and gains the error. Idempotent.
    /// Returns the row as it ends up, or null when it is gone.
    /// </summary>
    public async Task<CampaignRecord?> FailAsync(string tenantId, string campaignId, string error, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(error);
        var now = time.GetUtcNow();
        var ended = false;
        var after = await campaigns.UpdateAsync(tenantId, campaignId, c =>
        {
            ended = false;
            if (c.Error is not null)
            {
                return false;
            }

            c.Error = error;
            c.Preparing = false;
            if (!c.Status.IsTerminal())
            {
                c.Status = CampaignStatus.Cancelled;
                c.EndedAt = now;
                ended = true;
            }

            return true;
        }, cancellationToken);
        if (ended && after is not null)
        {
            Log.CampaignStatusChanged(logger, tenantId, campaignId, after.Status.ToWire());
        }

        return after;
    }
}
