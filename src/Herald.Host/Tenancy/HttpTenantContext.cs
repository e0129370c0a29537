using Herald.Host.Authentication;

namespace Herald.Host.Tenancy;

/// <summary><see cref="ITenantContext"/> over the current request's user.</summary>
internal sealed class HttpTenantContext(IHttpContextAccessor accessor) : ITenantContext
{
    private HttpContext Context =>
        accessor.HttpContext ?? throw new InvalidOperationException("There is no current HTTP request.");

    public string TenantId => Context.GetTenantId();

    public string Actor => Claim(HeraldClaimTypes.Actor);

    public string AuthMethod => Claim(HeraldClaimTypes.AuthMethod);

    private string Claim(string type)
    {
        _ = TenantId;
        return Context.User.FindFirst(type)?.Value
            ?? throw new InvalidOperationException($"The authenticated user has no '{type}' claim.");
    }
}
