using Herald.Engine.Campaigns;
using Microsoft.DurableTask;

namespace Herald.Engine.Orchestrations;

/// <summary>Writes nothing: sums up an ended campaign and tells the operator (<see cref="ICampaignNotifier"/>).</summary>
public sealed class FinishCampaignActivity(CampaignStatusReader status, ICampaignNotifier notifier) : TaskActivity<CampaignRef, CampaignSummary?>
{
    /// <inheritdoc />
    public override async Task<CampaignSummary?> RunAsync(TaskActivityContext context, CampaignRef input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var view = await status.GetAsync(input.TenantId, input.CampaignId);
        if (view is null)
        {
            return null;
        }

        var c = view.Counts;
        var summary = new CampaignSummary(input.TenantId, input.CampaignId, view.Status, view.Total, c.Done, c.Failed, c.Unknown, c.Skipped, c.Cancelled, view.EndedAt);
        await notifier.CampaignEndedAsync(summary);
        return summary;
    }
}
