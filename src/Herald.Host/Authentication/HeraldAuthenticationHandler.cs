using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Herald.Host.Authentication;

/// <summary>What Herald's schemes share: 401 and 403 answers as problem details, the 401 with <c>WWW-Authenticate: Bearer</c>.</summary>
internal abstract class HeraldAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    /// <summary>True when this scheme's credential is a bearer token, so a refusal adds <c>error="invalid_token"</c> (RFC 6750).</summary>
    protected abstract bool CredentialIsBearerToken { get; }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        await AuthenticationProblems.WriteUnauthorizedAsync(Context, result.Failure?.Message, CredentialIsBearerToken);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => AuthenticationProblems.WriteForbiddenAsync(Context);
}
