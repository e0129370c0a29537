using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Herald.Host.Authentication;

/// <summary>The <c>ApiKey</c> scheme: the <c>X-Api-Key</c> header, looked up by hash in <see cref="IApiKeyStore"/>.</summary>
internal sealed class ApiKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IApiKeyStore store)
    : HeraldAuthenticationHandler(options, loggerFactory, encoder)
{
    private const string Invalid = "The API key is not valid.";

    protected override bool CredentialIsBearerToken => false;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeraldAuthenticationDefaults.ApiKeyHeader, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        var owner = values.Count == 1 ? await store.FindAsync(values[0] ?? "", Context.RequestAborted) : null;
        if (owner is null)
        {
            Log.ApiKeyRejected(Logger);
            return AuthenticateResult.Fail(Invalid);
        }

        var principal = HeraldPrincipal.Create(Scheme.Name, owner.TenantId, HeraldAuthMethods.ApiKey, $"api-key:{owner.Name}", owner.ReadOnly);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }
}
