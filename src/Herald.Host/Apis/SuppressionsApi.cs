using System.Globalization;
using Herald.Core.Imports;
using Herald.Engine.Suppression;
using Herald.Host.Audit;
using Herald.Host.OpenApi;
using Herald.Host.Resources;
using Herald.Host.Suppressions;
using Herald.Host.Tenancy;
using Herald.Host.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Herald.Host.Apis;

/// <summary>
/// <c>/api/suppressions</c>: the tenant's list of recipients never to contact again (R34). Rows hold a hash and a hint,
/// never the recipient; every campaign of the tenant skips them and counts how many.
/// </summary>
public static class SuppressionsApi
{
    private const string Resource = "suppression";

    /// <summary>Maps the suppression endpoints.</summary>
    public static IEndpointRouteBuilder MapSuppressionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/suppressions").WithTags(ApiTags.Suppressions).ProducesApiProblems();
        group.MapGet("", ListAsync).WithName("ListSuppressions").WithSummary("The suppression list, by hash, in pages.")
            .ProducesProblems(StatusCodes.Status400BadRequest);
        group.MapPost("", AddAsync).WithName("AddSuppressions").WithSummary("Adds recipients (username, user id or phone) to the list.");
        group.MapDelete("/{hash}", RemoveAsync).WithName("RemoveSuppression").WithSummary("Takes a recipient off the list.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>Up to <paramref name="limit"/> entries (1–1000, default 100); pass <c>continuation</c> back for more.</summary>
    internal static async Task<Results<Ok<SuppressionPage>, ValidationProblem>> ListAsync(
        ITenantContext tenant, SuppressionStore suppressions, string? limit = null, string? continuation = null, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        var query = PageQuery.Parse(limit, continuation, 100, 1000, SuppressionReasons.IsHash, errors);
        if (!errors.IsEmpty)
        {
            return ProblemFactory.Validation(errors);
        }

        var all = (await suppressions.ListAsync(tenant.TenantId, cancellationToken)).OrderBy(e => e.Hash, StringComparer.Ordinal).ToList();
        if (query.Page(all, e => e.Hash) is not var (items, next))
        {
            return ProblemFactory.Validation("continuation", "Must be the continuation of a previous page.");
        }

        return TypedResults.Ok(new SuppressionPage(items, next));
    }

    /// <summary>200 with each recipient's hash and hint, and the items that were not recipients.</summary>
    internal static async Task<Results<Ok<AddSuppressionsResponse>, ValidationProblem>> AddAsync(
        ValidatedJson<AddSuppressionsRequest> body,
        ITenantContext tenant,
        RecipientListValidator validator,
        IOptions<ImportOptions> importDefaults,
        IOptions<ApiOptions> api,
        SuppressionStore suppressions,
        IAuditLog audit,
        CancellationToken cancellationToken)
    {
        var request = body.Value;
        var max = api.Value.MaxInlineRecipients;
        if (request.Recipients.Count > max)
        {
            return ProblemFactory.Validation("recipients", string.Create(CultureInfo.InvariantCulture, $"At most {max} recipients per request (got {request.Recipients.Count})."));
        }

        var list = validator.Validate([.. request.Recipients.Select(r => r.ToInput())], importDefaults.Value with { MaxRows = max, PhonePrefixes = [] });
        if (list.Error is { } error)
        {
            return ProblemFactory.Validation("recipients", error.Message);
        }

        var reason = request.Reason ?? SuppressionReasons.Default;
        var added = new List<SuppressedRecipient>(list.Recipients.Count);
        foreach (var recipient in list.Recipients)
        {
            await suppressions.AddAsync(tenant.TenantId, recipient, reason, cancellationToken);
            added.Add(new SuppressedRecipient(SuppressionStore.HashOf(recipient), SuppressionStore.HintOf(recipient)));
        }

        await audit.RecordAsync(tenant, "suppression.add", Resource, "list", new Dictionary<string, string>
        {
            ["count"] = added.Count.ToString(CultureInfo.InvariantCulture),
            ["reason"] = reason,
        }, cancellationToken);
        return TypedResults.Ok(new AddSuppressionsResponse(added, list.Dropped));
    }

    /// <summary>204, or 404 when the hash is not on the list.</summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        string hash, ITenantContext tenant, SuppressionStore suppressions, IAuditLog audit, CancellationToken cancellationToken)
    {
        if (!SuppressionReasons.IsHash(hash) || !await suppressions.RemoveAsync(tenant.TenantId, hash, cancellationToken))
        {
            return ProblemFactory.NotFound("No such recipient on the suppression list.");
        }

        await audit.RecordAsync(tenant, "suppression.remove", Resource, hash, cancellationToken: cancellationToken);
        return TypedResults.NoContent();
    }
}
