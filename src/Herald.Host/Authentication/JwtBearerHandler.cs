using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Herald.Host.Authentication;

/// <summary>The <c>Bearer</c> scheme: validates <c>Authorization: Bearer &lt;jwt&gt;</c> with <see cref="JwtTokenValidator"/>.</summary>
internal sealed class JwtBearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    JwtTokenValidator validator)
    : HeraldAuthenticationHandler(options, loggerFactory, encoder)
{
    private const string Prefix = "Bearer ";

    protected override bool CredentialIsBearerToken => true;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? authorization = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(authorization) || !authorization.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = authorization[Prefix.Length..].Trim();
        var result = token.Length == 0
            ? JwtValidationResult.Fail(JwtFailure.Malformed)
            : await validator.ValidateAsync(token, Context.RequestAborted);
        if (!result.Succeeded)
        {
            Log.JwtRejected(Logger, result.Failure, result.Algorithm);
            return AuthenticateResult.Fail(JwtFailureDescriptions.Describe(result.Failure));
        }

        var principal = HeraldPrincipal.Create(Scheme.Name, result.TenantId!, HeraldAuthMethods.Jwt, result.TenantId!);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }
}
