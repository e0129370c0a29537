using System.Globalization;
using Herald.Engine.Campaigns;
using Herald.Host.Audit;
using Herald.Host.Campaigns;
using Herald.Host.Resources;
using Herald.Host.Tenancy;
using Herald.Host.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Host.Apis;

public static partial class CampaignsApi
{
    /// <summary>
    /// Deletes a completed or cancelled campaign with its targets, statistics, report and delivery receipts (its recipients
    /// are gone from every campaign table): 204; 404; 409 while it has not ended (cancel it first).
    /// </summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, ITenantContext tenant, CampaignDeletion eraser, IAuditLog audit, CancellationToken cancellationToken)
    {
        var erased = ResourceIds.IsValid(id) ? await eraser.EraseEndedAsync(tenant.TenantId, id, cancellationToken) : null;
        if (erased?.Campaign is not { } campaign || erased.Result == CampaignErasureResult.NotFound)
        {
            return NotFound(id);
        }

        if (erased.Result == CampaignErasureResult.NotEnded)
        {
            return ProblemFactory.Conflict(
                $"Only a completed or cancelled campaign can be deleted; this one is {campaign.WireStatus} (cancel it first).",
                new Dictionary<string, object?> { ["campaignStatus"] = campaign.WireStatus });
        }

        await audit.RecordAsync(tenant, "campaign.delete", Resource, id, new Dictionary<string, string>
        {
            ["status"] = campaign.WireStatus,
            ["targets"] = erased.Targets.ToString(CultureInfo.InvariantCulture),
        }, cancellationToken);
        return TypedResults.NoContent();
    }
}
