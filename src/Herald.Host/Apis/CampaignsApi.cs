using Herald.Engine.Campaigns;
using Herald.Engine.Model;
using Herald.Engine.Persistence;
using Herald.Host.Audit;
using Herald.Host.Campaigns;
using Herald.Host.Integrations;
using Herald.Host.Messages;
using Herald.Host.OpenApi;
using Herald.Host.Resources;
using Herald.Host.Tenancy;
using Herald.Host.Validation;
using Herald.Host.WhatsApp;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Herald.Host.Apis;

/// <summary>
/// <c>/api/campaigns</c>: create (202 + <c>Location</c>), list, status (with an <c>ETag</c>), change before the start
/// (<c>PATCH</c> with <c>If-Match</c>), report (JSON or CSV), pause, resume, cancel, delete once ended.
/// Everything is scoped to the caller's tenant: another tenant's campaign id answers 404.
/// </summary>
public static partial class CampaignsApi
{
    private const string Resource = "campaign";
    private const string Preparing = "preparing";

    // Waiting is derived from a running campaign's accounts on read, so it is not a filter.
    private static readonly Dictionary<string, CampaignStatus> FilterableStatuses =
        Enum.GetValues<CampaignStatus>().Where(s => s != CampaignStatus.Waiting).ToDictionary(s => s.ToWire(), StringComparer.Ordinal);

    /// <summary>Maps the campaign endpoints.</summary>
    public static IEndpointRouteBuilder MapCampaignsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/campaigns").WithTags(ApiTags.Campaigns).ProducesApiProblems();
        group.MapPost("", CreateAsync).WithName("CreateCampaign").WithSummary("Creates a campaign; the work runs in the background.")
            .ProducesProblems(StatusCodes.Status502BadGateway, StatusCodes.Status503ServiceUnavailable);
        group.MapGet("", ListAsync).WithName("ListCampaigns").WithSummary("The tenant's campaigns, newest first, in pages.")
            .ProducesProblems(StatusCodes.Status400BadRequest);
        group.MapGet("/{id}", GetAsync).WithName("GetCampaign").WithSummary("The live status: progress, counts by outcome and reason, delivery receipts, speed, ETA, accounts; ETag for PATCH.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPatch("/{id}", UpdateAsync).WithName("UpdateCampaign")
            .WithSummary("Changes a scheduled campaign before it starts: name, message, time window, start time, priority (If-Match required).")
            .ProducesProblems(
                StatusCodes.Status400BadRequest,
                StatusCodes.Status404NotFound,
                StatusCodes.Status409Conflict,
                StatusCodes.Status412PreconditionFailed,
                StatusCodes.Status428PreconditionRequired);
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteCampaign")
            .WithSummary("Deletes a completed or cancelled campaign with its targets and report.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        group.MapGet("/{id}/report", ReportAsync).WithName("GetCampaignReport")
            .WithSummary("Failed, unknown and skipped recipients (cancelled too, for a cancelled campaign; failed also when a receipt reported the message failed, with its reason), with the delivery status where a receipt gave one; CSV with Accept: text/csv.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/report.csv", ReportCsvAsync).WithName("GetCampaignReportCsv")
            .WithSummary("The report as CSV (formula-safe cells), for a retry list.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/pause", PauseAsync).WithName("PauseCampaign").WithSummary("Pauses a running or scheduled campaign (idempotent).")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        group.MapPost("/{id}/resume", ResumeAsync).WithName("ResumeCampaign").WithSummary("Resumes a paused campaign where it stopped (idempotent).")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        group.MapPost("/{id}/cancel", CancelAsync).WithName("CancelCampaign").WithSummary("Cancels a campaign; what was left is reported as cancelled (idempotent).")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        group.MapPost("/{id}/accounts/{accountId}/recheck", RecheckAccountAsync).WithName("RecheckCampaignAccount")
            .WithSummary("Checks an excluded account's admin rights in the campaign's chat again and takes it back when it now may invite (R12).")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return app;
    }

    /// <summary>
    /// Creates a campaign: 202 with <c>Location</c>, its id, status, what became of the list and the start plan. A large
    /// import (over <c>Herald:Campaigns:BackgroundAbove</c>) answers at once with status <c>preparing</c>. A parsing-service
    /// <c>audience</c> is read first and kept as an import; 400 names <c>audience.parsedDataId</c> when parsing-service has no
    /// such dataset for the tenant (or <c>audience</c> when it is not configured), 502/503 name the service when it fails.
    /// With an <c>Idempotency-Key</c> (optional) a retried create answers the campaign the first one created (see
    /// <see cref="CampaignCreateKeys"/>).
    /// </summary>
    internal static async Task<Results<Accepted<CampaignCreatedResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        HttpContext http,
        ValidatedJson<CreateCampaignRequest> body,
        ITenantContext tenant,
        CampaignPreparer preparer,
        AudienceImport audiences,
        CampaignService campaigns,
        CampaignCreateKeys keys,
        IOptions<CampaignPreparationOptions> background,
        IAuditLog audit,
        [FromHeader(Name = MessageOperations.KeyHeader)] string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        if (idempotencyKey is null)
        {
            return await CreateOnceAsync(body.Value, tenant, preparer, audiences, campaigns, background, audit, null, cancellationToken);
        }

        if (Messages.IdempotencyStore.CheckKey(idempotencyKey) is { } keyProblem)
        {
            return ProblemFactory.Validation(MessageOperations.KeyHeader, keyProblem);
        }

        var decision = await keys.BeginAsync(http, tenant.TenantId, idempotencyKey, body.Value, cancellationToken);
        if (decision.Answer is { } answer)
        {
            return answer;
        }

        try
        {
            var result = await CreateOnceAsync(body.Value, tenant, preparer, audiences, campaigns, background, audit, decision.CampaignId, cancellationToken);
            if (result.Result is Accepted<CampaignCreatedResponse>)
            {
                await keys.CompleteAsync(decision, body.Value);
            }
            else
            {
                await keys.ReleaseUnlessCreatedAsync(decision, tenant.TenantId);
            }

            return result;
        }
        catch (Exception)
        {
            await keys.ReleaseUnlessCreatedAsync(decision, tenant.TenantId);
            throw;
        }
    }

    private static async Task<Results<Accepted<CampaignCreatedResponse>, ValidationProblem, ProblemHttpResult>> CreateOnceAsync(
        CreateCampaignRequest request,
        ITenantContext tenant,
        CampaignPreparer preparer,
        AudienceImport audiences,
        CampaignService campaigns,
        IOptions<CampaignPreparationOptions> background,
        IAuditLog audit,
        string? campaignId,
        CancellationToken cancellationToken)
    {
        string? audienceImport = null;
        if (request.Audience is { } audience)
        {
            var (import, failure, error) = await audiences.ImportAsync(tenant.TenantId, audience.ParsedDataId, cancellationToken);
            if (import is null)
            {
                return failure switch
                {
                    { Kind: ServiceFailureKind.NotFound } => ProblemFactory.Validation("audience.parsedDataId", "parsing-service has no such dataset for this tenant."),
                    { Kind: ServiceFailureKind.NotConfigured } f => ProblemFactory.Validation("audience", f.Detail + " Give recipients or an importId instead."),
                    { } f => ServiceProblems.From(f),
                    _ => ProblemFactory.Validation("audience", $"The dataset could not be imported: {error!.Message}"),
                };
            }

            audienceImport = import.Id;
        }

        var (prepared, errors) = await preparer.PrepareAsync(tenant.TenantId, request, audienceImport, cancellationToken);
        if (prepared is null)
        {
            return ProblemFactory.Validation(errors);
        }

        // A retried request (its Idempotency-Key) creates under the first one's id: the engine answers the campaign if it
        // exists, and it was audited when it was created.
        var retried = campaignId is not null && await campaigns.GetAsync(tenant.TenantId, campaignId, cancellationToken) is not null;
        var definition = prepared.Campaign with { Id = campaignId };

        // A large import answers at once: its orchestration writes the targets from the import (R1).
        CampaignRecord created;
        if ((audienceImport ?? request.ImportId) is { } importId && (prepared.Campaign.RecipientCount ?? prepared.Campaign.Recipients.Count) > background.Value.BackgroundAbove)
        {
            created = await campaigns.CreatePreparingAsync(definition, importId, cancellationToken);
        }
        else
        {
            created = await campaigns.CreateAsync(definition, cancellationToken: cancellationToken);
        }

        if (!retried)
        {
            await audit.RecordAsync(tenant, "campaign.create", Resource, created.Id, new Dictionary<string, string>
            {
                ["status"] = created.WireStatus,
                ["recipients"] = created.Total.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["dryRun"] = created.Campaign.DryRun ? "true" : "false",
                ["paidBroadcast"] = created.Campaign.PaidBroadcastAccounts is { Count: > 0 } paid ? string.Join(",", paid) : "none",
            }, cancellationToken);
        }

        return TypedResults.Accepted(
            $"/api/campaigns/{created.Id}",
            new CampaignCreatedResponse(created.Id, created.WireStatus, created.Campaign.Delivery, created.Total, created.SkippedAtCreation, created.Source, prepared.Intake, prepared.Plan, prepared.Warnings, prepared.TemplateGaps));
    }

    /// <summary>
    /// One page of campaigns, newest first, read from storage: up to <paramref name="pageSize"/> (1–200, default 50; <c>limit</c>
    /// is the older name of it), optionally in one <paramref name="status"/> (preparing, scheduled, running, paused,
    /// cancelled, completed, completed_with_errors); pass <c>continuation</c> back for the next page until it is null. A
    /// page filtered by status may hold fewer campaigns than asked for while more follow.
    /// </summary>
    internal static async Task<Results<Ok<CampaignPage>, ValidationProblem>> ListAsync(
        ITenantContext tenant,
        CampaignService campaigns,
        string? status = null,
        string? limit = null,
        string? pageSize = null,
        string? continuation = null,
        CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        var page = PageQuery.Parse(pageSize ?? limit, continuation, 50, 200, t => CampaignPageToken.TryRead(t, tenant.TenantId, out _), errors,
            limitField: pageSize is null ? "limit" : "pageSize");
        CampaignStatus? wanted = null;
        if (status is not null)
        {
            if (FilterableStatuses.TryGetValue(status, out var parsed))
            {
                wanted = parsed;
            }
            else if (status != Preparing)
            {
                errors.Add("status", $"Must be one of {Preparing}, {string.Join(", ", FilterableStatuses.Keys)}.");
            }
        }

        if (!errors.IsEmpty)
        {
            return ProblemFactory.Validation(errors);
        }

        if (await campaigns.ListPageAsync(tenant.TenantId, wanted, page.Limit, page.Continuation, cancellationToken) is not { } found)
        {
            return ProblemFactory.Validation("continuation", "Must be the continuation of a previous page.");
        }

        // A running or scheduled campaign whose targets are still being written shows (and filters) as preparing.
        var items = found.Items.Where(c => status is null || c.WireStatus == status).Select(CampaignSummary.From).ToList();
        return TypedResults.Ok(new CampaignPage(items, found.Next));
    }

    /// <summary>The campaign's live status (R24), with the row's <c>ETag</c> (send it as <c>If-Match</c> to change the campaign).</summary>
    internal static async Task<Results<Ok<CampaignStatusResponse>, ProblemHttpResult>> GetAsync(
        string id, ITenantContext tenant, CampaignService campaigns, CampaignStatusReader reader, DeliveryStore deliveries, HttpResponse response, CancellationToken cancellationToken)
    {
        var campaign = ResourceIds.IsValid(id) ? await campaigns.GetAsync(tenant.TenantId, id, cancellationToken) : null;
        if (campaign is null)
        {
            return NotFound(id);
        }

        response.Headers.ETag = CampaignEditor.ETagOf(campaign);
        var view = await reader.BuildAsync(campaign, cancellationToken);
        return TypedResults.Ok(CampaignStatusResponse.From(view, await deliveries.GetAsync(tenant.TenantId, campaign.Id, cancellationToken)));
    }

    /// <summary>The report as JSON, or as CSV when the client prefers <c>text/csv</c>.</summary>
    internal static async Task<Results<Ok<CampaignReport>, PushStreamHttpResult, ProblemHttpResult>> ReportAsync(
        string id, HttpRequest request, ITenantContext tenant, CampaignService campaigns, CampaignReportReader reports, CampaignStatusReader reader, CancellationToken cancellationToken)
    {
        var campaign = ResourceIds.IsValid(id) ? await campaigns.GetAsync(tenant.TenantId, id, cancellationToken) : null;
        if (campaign is null)
        {
            return NotFound(id);
        }

        var (rows, deliveries) = await reports.ReadAsync(campaign, cancellationToken);
        var paid = await reader.PaidAsync(campaign, cancellationToken);
        if (PrefersCsv(request))
        {
            return Csv(campaign, rows, deliveries, paid, request.HttpContext.Response, cancellationToken);
        }

        return TypedResults.Ok(new CampaignReport(campaign.Id, campaign.WireStatus, campaign.Source, paid, Rows(rows, deliveries)));
    }

    /// <summary>The report as CSV.</summary>
    internal static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> ReportCsvAsync(
        string id, HttpResponse response, ITenantContext tenant, CampaignService campaigns, CampaignReportReader reports, CampaignStatusReader reader, CancellationToken cancellationToken)
    {
        var campaign = ResourceIds.IsValid(id) ? await campaigns.GetAsync(tenant.TenantId, id, cancellationToken) : null;
        if (campaign is null)
        {
            return NotFound(id);
        }

        var (rows, deliveries) = await reports.ReadAsync(campaign, cancellationToken);
        return Csv(campaign, rows, deliveries, await reader.PaidAsync(campaign, cancellationToken), response, cancellationToken);
    }

    /// <summary>Pauses: 200 with the status; 409 when the campaign has ended.</summary>
    internal static Task<Results<Ok<CampaignControlResponse>, ProblemHttpResult>> PauseAsync(
        string id, ITenantContext tenant, CampaignService campaigns, IAuditLog audit, CancellationToken cancellationToken) =>
        ControlAsync(id, "pause", tenant, audit, () => campaigns.PauseAsync(tenant.TenantId, id, cancellationToken), cancellationToken);

    /// <summary>Resumes: 200 with the status; 409 when the campaign has ended.</summary>
    internal static Task<Results<Ok<CampaignControlResponse>, ProblemHttpResult>> ResumeAsync(
        string id, ITenantContext tenant, CampaignService campaigns, IAuditLog audit, CancellationToken cancellationToken) =>
        ControlAsync(id, "resume", tenant, audit, () => campaigns.ResumeAsync(tenant.TenantId, id, cancellationToken), cancellationToken);

    /// <summary>Cancels: 200 with the status; 409 when the campaign has already completed.</summary>
    internal static Task<Results<Ok<CampaignControlResponse>, ProblemHttpResult>> CancelAsync(
        string id, ITenantContext tenant, CampaignService campaigns, IAuditLog audit, CancellationToken cancellationToken) =>
        ControlAsync(id, "cancel", tenant, audit, () => campaigns.CancelAsync(tenant.TenantId, id, cancellationToken), cancellationToken);

    private static async Task<Results<Ok<CampaignControlResponse>, ProblemHttpResult>> ControlAsync(
        string id, string verb, ITenantContext tenant, IAuditLog audit, Func<Task<ControlOutcome>> control, CancellationToken cancellationToken)
    {
        if (!ResourceIds.IsValid(id))
        {
            return NotFound(id);
        }

        var outcome = await control();
        if (outcome.Campaign is not { } campaign)
        {
            return NotFound(id);
        }

        var status = campaign.WireStatus;
        if (outcome.Conflict is { } conflict)
        {
            return ProblemFactory.Conflict(conflict, new Dictionary<string, object?> { ["campaignStatus"] = status });
        }

        await audit.RecordAsync(tenant, $"campaign.{verb}", Resource, campaign.Id, new Dictionary<string, string> { ["status"] = status }, cancellationToken);
        return TypedResults.Ok(new CampaignControlResponse(campaign.Id, status));
    }

    // The CSV is a retry list that uploads back as it is: the paid count rides in a response header, not in a column.
    private static PushStreamHttpResult Csv(
        CampaignRecord campaign, IAsyncEnumerable<ReportRow> rows, IReadOnlyDictionary<int, string> deliveries, long paid, HttpResponse response, CancellationToken cancellationToken)
    {
        response.Headers[CampaignReport.PaidHeader] = paid.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Stream(
            stream => ReportCsv.WriteAsync(stream, rows, deliveries, cancellationToken),
            ReportCsv.ContentType,
            $"campaign-{campaign.Id}-report.csv");
    }

    private static async IAsyncEnumerable<CampaignReportRow> Rows(IAsyncEnumerable<ReportRow> rows, IReadOnlyDictionary<int, string> deliveries)
    {
        await foreach (var row in rows)
        {
            yield return CampaignReportRow.From(row, deliveries.GetValueOrDefault(row.Sequence));
        }
    }

    // CSV when the client ranks text/csv above JSON (and no lower than */*); a tie stays JSON.
    private static bool PrefersCsv(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        double Quality(string type) => accept.Where(a => a.MediaType.Equals(type, StringComparison.OrdinalIgnoreCase)).Select(a => a.Quality ?? 1).DefaultIfEmpty(-1).Max();
        var csv = Quality("text/csv");
        return csv > 0 && csv > Quality("application/json") && csv >= Quality("*/*");
    }

    private static ProblemHttpResult NotFound(string id) => ProblemFactory.NotFound(ResourceIds.IsValid(id) ? $"No campaign {id}." : "No such campaign.");
}
