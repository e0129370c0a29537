using System.Security.Claims;
using Herald.Host.Authentication;

namespace Herald.Host.Tenancy;

/// <summary>Reads the tenant Herald's authentication handlers put on the request's user.</summary>
public static class TenantHttpContextExtensions
{
    /// <summary>The tenant id of an authenticated user, or null.</summary>
    public static string? FindTenantId(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirst(HeraldClaimTypes.Tenant)?.Value : null;

    /// <summary>The tenant id of the current request, or null when it is not authenticated.</summary>
    public static string? FindTenantId(this HttpContext context) => context.User.FindTenantId();

    /// <summary>The tenant id of the current request; throws when it is not authenticated.</summary>
    public static string GetTenantId(this HttpContext context) =>
        context.FindTenantId() ?? throw new InvalidOperationException("The request is not authenticated: no tenant.");
}
