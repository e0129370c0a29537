using Herald.Engine.Model;

namespace Herald.Engine.Actors;

public sealed partial class AccountActor
{
    /// <summary>
    /// The account may not do <paramref name="campaign"/>'s action (no rights in its chat): it leaves that campaign only,
    /// written into the campaign row with its ETag (a conflict re-reads and applies it again). Its targets are already
    /// back to pending for the other accounts; its other campaigns go on.
    /// </summary>
    private async Task LeaveAsync(AccountRecord row, CampaignRecord campaign, string reason, CancellationToken cancellationToken)
    {
        campaign.Exclude(row.AccountId, reason);
        await campaigns.UpdateAsync(campaign.TenantId, campaign.Id, c => c.Exclude(row.AccountId, reason), cancellationToken);
        Log.LeftCampaign(logger, row.TenantId, row.AccountId, campaign.Id, reason);
    }
}
