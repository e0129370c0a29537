using System.Security.Claims;

namespace Herald.Host.Authentication;

/// <summary>Builds the user Herald's handlers sign in: tenant, auth method and actor, nothing from the credential itself.</summary>
internal static class HeraldPrincipal
{
    public static ClaimsPrincipal Create(string scheme, string tenantId, string authMethod, string actor, bool readOnly = false)
    {
        List<Claim> claims =
        [
            new Claim(HeraldClaimTypes.Tenant, tenantId),
            new Claim(HeraldClaimTypes.AuthMethod, authMethod),
            new Claim(HeraldClaimTypes.Actor, actor),
        ];
        if (readOnly)
        {
            claims.Add(new Claim(HeraldClaimTypes.ReadOnly, "true"));
        }

        var identity = new ClaimsIdentity(
            claims,
            authenticationType: scheme,
            nameType: HeraldClaimTypes.Actor,
            roleType: null);
        return new ClaimsPrincipal(identity);
    }
}
