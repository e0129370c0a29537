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

    // Only a user Herald authenticated (one with a tenant) has these claims; anything else is a programming error.
    private string Claim(string type) =>
        Context.FindTenantId() is not null && Context.User.FindFirst(type)?.Value is { } value
            ? value
            : throw new InvalidOperationException($"The request is not authenticated by Herald: no '{type}' claim.");
}
