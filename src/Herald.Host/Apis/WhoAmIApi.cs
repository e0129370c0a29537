using Herald.Host.OpenApi;
using Herald.Host.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Host.Apis;

/// <summary><c>GET /api/whoami</c>: who the caller is to Herald. Handy to check a token or key.</summary>
public static class WhoAmIApi
{
    /// <summary>Maps <c>/api/whoami</c> (authenticated).</summary>
    public static IEndpointRouteBuilder MapWhoAmIApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/whoami", GetWhoAmI).WithTags(ApiTags.Identity).WithName("WhoAmI").ProducesApiProblems();
        return app;
    }

    /// <summary>The caller's tenant and how it authenticated.</summary>
    public static Ok<WhoAmIResponse> GetWhoAmI(ITenantContext tenant) =>
        TypedResults.Ok(new WhoAmIResponse(tenant.TenantId, tenant.AuthMethod, tenant.Actor));
}

/// <summary>The caller as Herald sees it.</summary>
/// <param name="TenantId">The tenant every read and write is scoped to.</param>
/// <param name="AuthMethod"><c>jwt</c> or <c>api_key</c>.</param>
/// <param name="Actor">Who acts, as recorded in the audit log.</param>
public sealed record WhoAmIResponse(string TenantId, string AuthMethod, string Actor);
