using Herald.Engine.Campaigns;
using Microsoft.DurableTask;

namespace Herald.Engine.Orchestrations;

/// <summary>Ends a campaign's preparation and arms its accounts when it runs (fan-out to the account actors' ticks).</summary>
public sealed class FinishPreparationActivity(CampaignService campaigns) : TaskActivity<PreparationResult, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, PreparationResult input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return await campaigns.FinishPreparingAsync(input.TenantId, input.CampaignId, input.Total, input.Skipped) is not null;
    }
}
