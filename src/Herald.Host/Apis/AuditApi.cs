using Herald.Host.Audit;
using Herald.Host.OpenApi;
using Herald.Host.Resources;
using Herald.Host.Tenancy;
using Herald.Host.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Host.Apis;

/// <summary><c>GET /api/audit</c>: the caller's tenant's audit trail, newest first, in pages.</summary>
public static class AuditApi
{
    /// <summary>Maps <c>/api/audit</c> (authenticated, tenant-scoped).</summary>
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", ListAuditAsync).WithTags(ApiTags.Audit).WithName("ListAudit").ProducesApiProblems()
            .ProducesProblems(StatusCodes.Status400BadRequest);
        return app;
    }

    /// <summary>
    /// Up to <paramref name="limit"/> entries (1–1000, default 50) of the caller's tenant, newest first; pass the answer's
    /// <c>continuation</c> back for the next page (absent on the last page).
    /// </summary>
    public static async Task<Results<Ok<AuditPage>, ValidationProblem>> ListAuditAsync(
        ITenantContext tenant,
        IAuditLog audit,
        string? limit = null,
        string? continuation = null,
        CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        var page = PageQuery.Parse(limit, continuation, AuditPage.DefaultLimit, AuditPage.MaxLimit, AuditKeys.IsValid, errors);
        if (!errors.IsEmpty)
        {
            return ProblemFactory.Validation(errors);
        }

        return TypedResults.Ok(await audit.ListAsync(tenant.TenantId, page.Limit, page.Continuation, cancellationToken));
    }
}
