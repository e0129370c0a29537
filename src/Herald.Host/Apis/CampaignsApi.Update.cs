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
    /// Changes a scheduled campaign before it starts: 200 with its definition and new <c>ETag</c>; 400 naming the field
    /// (checked as at creation); 404; 409 once it has started, been paused or ended; 412 when <c>If-Match</c> is not its
    /// current <c>ETag</c> (someone changed it meanwhile: read it again); 428 without <c>If-Match</c>.
    /// </summary>
    internal static async Task<Results<Ok<CampaignDefinitionResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string id,
        ValidatedJson<UpdateCampaignRequest> body,
        HttpRequest request,
        ITenantContext tenant,
        CampaignService campaigns,
        CampaignEditor editor,
        IAuditLog audit,
        CancellationToken cancellationToken)
    {
        var current = ResourceIds.IsValid(id) ? await campaigns.GetAsync(tenant.TenantId, id, cancellationToken) : null;
        if (current is null)
        {
            return NotFound(id);
        }

        if (request.Headers.IfMatch.ToString() is not { Length: > 0 } ifMatch)
        {
            return TypedResults.Problem(
                "Send If-Match with the ETag of GET /api/campaigns/{id}, so that a change made meanwhile is not overwritten.",
                statusCode: StatusCodes.Status428PreconditionRequired, title: "Precondition required");
        }

        var errors = await editor.CheckAsync(current, body.Value, cancellationToken);
        if (!errors.IsEmpty)
        {
            return ProblemFactory.Validation(errors);
        }

        var update = await campaigns.UpdateScheduledAsync(
            tenant.TenantId, id, c => CampaignEditor.Matches(ifMatch, c), c => CampaignEditor.Apply(c, body.Value), cancellationToken);
        if (update.Campaign is not { } campaign || update.Result == CampaignUpdateResult.NotFound)
        {
            return NotFound(id);
        }

        if (update.Result == CampaignUpdateResult.Stale)
        {
            return TypedResults.Problem(
                "The campaign changed since that ETag was read; read it again (GET) and send its new ETag.",
                statusCode: StatusCodes.Status412PreconditionFailed, title: "Precondition failed",
                extensions: new Dictionary<string, object?> { ["campaignStatus"] = campaign.WireStatus });
        }

        if (update.Result == CampaignUpdateResult.NotScheduled)
        {
            return ProblemFactory.Conflict(
                $"Only a scheduled campaign can be changed, before it starts; this one is {campaign.WireStatus}.",
                new Dictionary<string, object?> { ["campaignStatus"] = campaign.WireStatus });
        }

        await audit.RecordAsync(tenant, "campaign.update", Resource, campaign.Id, new Dictionary<string, string> { ["fields"] = string.Join(',', body.Value.Changed) }, cancellationToken);
        request.HttpContext.Response.Headers.ETag = CampaignEditor.ETagOf(campaign);
        return TypedResults.Ok(CampaignDefinitionResponse.From(campaign));
    }
}
