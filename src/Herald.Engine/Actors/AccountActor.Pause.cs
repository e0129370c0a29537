using Herald.Engine.Model;

namespace Herald.Engine.Actors;

public sealed partial class AccountActor
{
    /// <summary>
    /// The account could not pay for what <paramref name="campaign"/> asked (a paid broadcast's Stars balance is spent):
    /// the campaign pauses with <paramref name="reason"/>, written into its row with the ETag (a conflict re-reads and
    /// applies it again), until an operator resumes it. The target that met it is already back to pending, and so is the
    /// rest of the batch; the status shows the reason. A campaign no longer running (paused, cancelled) stays as it is.
    /// </summary>
    private async Task PauseForAsync(AccountRecord row, CampaignRecord campaign, string reason, CancellationToken cancellationToken)
    {
        await campaigns.UpdateAsync(campaign.TenantId, campaign.Id, c =>
        {
            if (c.Status != CampaignStatus.Running)
            {
                return false;
            }

            c.Status = CampaignStatus.Paused;
            c.PausedReason = reason;
            return true;
        }, cancellationToken);
        Log.CampaignPausedFor(logger, row.TenantId, row.AccountId, campaign.Id, reason);
    }
}
