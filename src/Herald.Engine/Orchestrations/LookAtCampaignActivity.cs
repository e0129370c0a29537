using Herald.Engine.Campaigns;
using Herald.Engine.Model;
using Microsoft.DurableTask;

namespace Herald.Engine.Orchestrations;

/// <summary>
/// Looks at the campaign row and moves it on where its time has come: starts a scheduled campaign that is due (never
/// early: by this process's clock), confirms the completion of a running one whose accounts drained it. Returns what
/// the orchestration decides its next step by.
/// </summary>
public sealed class LookAtCampaignActivity(CampaignService campaigns, CampaignCompletion completion, CampaignStatusReader status, TimeProvider time)
    : TaskActivity<CampaignRef, CampaignSnapshot>
{
    /// <inheritdoc />
    public override async Task<CampaignSnapshot> RunAsync(TaskActivityContext context, CampaignRef input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var campaign = await campaigns.GetAsync(input.TenantId, input.CampaignId);
        if (campaign is null)
        {
            return CampaignSnapshot.Gone;
        }

        if (!campaign.Preparing && campaign.Status == CampaignStatus.Scheduled && campaign.Campaign.Schedule.StartAt <= time.GetUtcNow()
            && await campaigns.StartWhenDueAsync(input.TenantId, input.CampaignId))
        {
            campaign = await campaigns.GetAsync(input.TenantId, input.CampaignId) ?? campaign;
        }
        else if (!campaign.Preparing && campaign.Status == CampaignStatus.Running && campaign.AllShardsExhausted)
        {
            await completion.TryCompleteAsync(campaign, signal: false);
            campaign = await campaigns.GetAsync(input.TenantId, input.CampaignId) ?? campaign;
        }

        var view = await status.BuildAsync(campaign);
        return new CampaignSnapshot(
            Exists: true,
            Status: view.Status,
            Preparing: campaign.Preparing,
            Terminal: campaign.Status.IsTerminal(),
            Scheduled: campaign.Status == CampaignStatus.Scheduled,
            Paused: campaign.Status == CampaignStatus.Paused,
            StartAt: campaign.Campaign.Schedule.StartAt,
            Processed: view.Processed,
            Total: campaign.Total,
            Prepared: campaign.Prepared,
            RightsPending: campaign.RightsPending);
    }
}
