using Herald.Engine.Campaigns;
using Microsoft.DurableTask;

namespace Herald.Engine.Orchestrations;

/// <summary>
/// Counts a preparing campaign's recipients (each once), so the orchestration can fan out over chunks of them; null
/// when there is nothing to prepare (not preparing any more, or its recipients are gone: then it is cancelled).
/// </summary>
public sealed class PlanPreparationActivity(CampaignService campaigns, IRecipientSource source) : TaskActivity<CampaignRef, int?>
{
    /// <inheritdoc />
    public override async Task<int?> RunAsync(TaskActivityContext context, CampaignRef input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var campaign = await campaigns.GetAsync(input.TenantId, input.CampaignId);
        if (campaign is not { Preparing: true })
        {
            return null;
        }

        var count = await source.CountAsync(campaign);
        if (count is null)
        {
            await campaigns.AbandonPreparingAsync(input.TenantId, input.CampaignId);
        }

        return count;
    }
}
