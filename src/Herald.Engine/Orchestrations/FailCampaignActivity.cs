using Herald.Engine.Campaigns;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Herald.Engine.Orchestrations;

/// <summary>
/// Shows on the campaign that its orchestration failed for good (<see cref="CampaignService.FailAsync"/>): the campaign
/// ends with the error, rather than waiting for a start, a preparation or a summary that will never come.
/// </summary>
public sealed class FailCampaignActivity(CampaignService campaigns, ILogger<FailCampaignActivity> logger) : TaskActivity<CampaignFailure, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, CampaignFailure input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Log.OrchestrationFailed(logger, input.TenantId, input.CampaignId, input.Error);
        return await campaigns.FailAsync(input.TenantId, input.CampaignId, input.Error) is not null;
    }
}
