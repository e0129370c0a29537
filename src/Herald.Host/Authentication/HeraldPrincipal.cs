using System.Security.Claims;

namespace Herald.Host.Authentication;

/// <summary>Builds the user Herald's handlers sign in: tenant, auth method and actor, nothing from the credential itself.</summary>
internal static class HeraldPrincipal
{
    public static ClaimsPrincipal Create(string scheme, string tenantId, string authMethod, string actor)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(HeraldClaimTypes.Tenant, tenantId),
                new Claim(HeraldClaimTypes.AuthMethod, authMethod),
                new Claim(HeraldClaimTypes.Actor, actor),
            ],
            authenticationType: scheme,
            nameType: HeraldClaimTypes.Actor,
            roleType: null);
        return new ClaimsPrincipal(identity);
    }
}
