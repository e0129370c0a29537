using System.Globalization;
using Herald.Host.Audit;
using Herald.Host.Authentication;
using Herald.Host.OpenApi;
using Herald.Host.Resources;
using Herald.Host.Tenancy;
using Herald.Host.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Host.Apis;

/// <summary>
/// <c>/api/api-keys</c>: a tenant's own API keys for service clients. Create (the key is answered once, only its SHA-256
/// is stored), list (name, prefix, created, last used; never the key or its hash), revoke (refused by every host from
/// the next request on). Creating and revoking need a user's bearer token: an API key cannot make or revoke keys, so a
/// leaked key cannot keep itself alive. Each change is audited; another tenant's key id answers 404.
/// </summary>
public static class ApiKeysApi
{
    private const string Resource = "api-key";
    private const string ManagedWithToken = "API keys are created and revoked with a user's bearer token, not with an API key.";

    /// <summary>Maps the API key endpoints.</summary>
    public static IEndpointRouteBuilder MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/api-keys").WithTags(ApiTags.ApiKeys).ProducesApiProblems();
        group.MapPost("", CreateAsync).WithName("CreateApiKey").WithSummary("Makes an API key; the key is in this answer only.");
        group.MapGet("", ListAsync).WithName("ListApiKeys").WithSummary("The tenant's API keys: name, prefix, created, last used.");
        group.MapDelete("/{id}", RevokeAsync).WithName("RevokeApiKey").WithSummary("Revokes an API key: refused everywhere from the next request on.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>201 with the key (shown once) and its description; 403 when the caller is an API key.</summary>
    internal static async Task<Results<Created<IssuedApiKey>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        ValidatedJson<CreateApiKeyRequest> body, ITenantContext tenant, TableApiKeyStore keys, IAuditLog audit, HttpContext context, CancellationToken cancellationToken)
    {
        if (tenant.AuthMethod != HeraldAuthMethods.Jwt)
        {
            return Forbidden();
        }

        var request = body.Value;
        var issued = await keys.IssueAsync(tenant.TenantId, request.Name.Trim(), request.ReadOnly, cancellationToken);
        await audit.RecordAsync(tenant, "apikey.create", Resource, issued.ApiKey.Id, new Dictionary<string, string>
        {
            ["name"] = issued.ApiKey.Name,
            ["readOnly"] = issued.ApiKey.ReadOnly.ToString(CultureInfo.InvariantCulture).ToLowerInvariant(),
        }, cancellationToken);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"/api/api-keys/{issued.ApiKey.Id}", issued);
    }

    /// <summary>The tenant's keys, oldest first.</summary>
    internal static async Task<Ok<ApiKeyList>> ListAsync(ITenantContext tenant, TableApiKeyStore keys, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ApiKeyList(await keys.ListAsync(tenant.TenantId, cancellationToken)));

    /// <summary>204; 404 when the tenant has no such key; 403 when the caller is an API key.</summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        string id, ITenantContext tenant, TableApiKeyStore keys, IAuditLog audit, CancellationToken cancellationToken)
    {
        if (tenant.AuthMethod != HeraldAuthMethods.Jwt)
        {
            return Forbidden();
        }

        var revoked = ResourceIds.IsValid(id) ? await keys.RevokeAsync(tenant.TenantId, id, cancellationToken) : null;
        if (revoked is null)
        {
            return ProblemFactory.NotFound(ResourceIds.IsValid(id) ? $"No API key {id}." : "No such API key.");
        }

        await audit.RecordAsync(tenant, "apikey.revoke", Resource, id, new Dictionary<string, string> { ["name"] = revoked.Name }, cancellationToken);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult Forbidden() =>
        TypedResults.Problem(ManagedWithToken, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
}
