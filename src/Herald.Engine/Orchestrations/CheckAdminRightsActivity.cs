using Herald.Engine.Campaigns;
using Microsoft.DurableTask;

namespace Herald.Engine.Orchestrations;

/// <summary>
/// Checks an invite campaign's accounts' admin rights in its chat before they start (R12), excludes those without, then
/// arms the rest. Returns how many were excluded, or null when there was nothing to check.
/// </summary>
public sealed class CheckAdminRightsActivity(CampaignRightsCheck check) : TaskActivity<CampaignRef, int?>
{
    /// <inheritdoc />
    public override async Task<int?> RunAsync(TaskActivityContext context, CampaignRef input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return await check.CheckAsync(input.TenantId, input.CampaignId);
    }
}
