using Herald.Host.Tenancy;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Herald.Host.Authentication;

/// <summary>
/// Validates bearer JWTs with Microsoft.IdentityModel: algorithm allow-list first (5.7.2 has no <c>ValidAlgorithms</c>),
/// then signature with keys of that algorithm's kind only, issuer, audience, and lifetime against the injected clock.
/// </summary>
internal sealed class JwtTokenValidator(IOptions<HeraldAuthOptions> options, SigningKeyProvider keys, TimeProvider timeProvider)
{
    /// <summary>Longer bearer values are refused unread.</summary>
    public const int MaxTokenLength = 16 * 1024;

    private static readonly JsonWebTokenHandler Handler = new();

    private readonly HashSet<string> _allowed = new(options.Value.EffectiveAllowedAlgorithms, StringComparer.Ordinal);

    public async Task<JwtValidationResult> ValidateAsync(string token, CancellationToken cancellationToken = default)
    {
        var header = ReadHeader(token);
        if (header is null)
        {
            return JwtValidationResult.Fail(JwtFailure.Malformed);
        }

        var algorithm = header.Alg;
        if (string.IsNullOrEmpty(algorithm) || !JwtAlgorithms.IsSupported(algorithm) || !_allowed.Contains(algorithm))
        {
            return JwtValidationResult.Fail(JwtFailure.AlgorithmNotAllowed, Printable(algorithm));
        }

        var signingKeys = await keys.GetKeysAsync(algorithm, header.Kid, cancellationToken);
        if (signingKeys.Count == 0)
        {
            return JwtValidationResult.Fail(JwtFailure.NoSigningKey, algorithm);
        }

        var result = Handler.ValidateToken(token, CreateParameters(signingKeys));
        if (!result.IsValid)
        {
            return JwtValidationResult.Fail(Classify(result.Exception), algorithm);
        }

        var subject = (result.SecurityToken as JsonWebToken)?.Subject;
        return TenantIds.IsValid(subject)
            ? JwtValidationResult.Success(subject!, algorithm)
            : JwtValidationResult.Fail(JwtFailure.InvalidSubject, algorithm);
    }

    private static JsonWebToken? ReadHeader(string token)
    {
        // A compact JWS has exactly three parts; five would be a JWE, which Herald does not accept.
        if (token.Length > MaxTokenLength || token.Count(c => c == '.') != 2 || !Handler.CanReadToken(token))
        {
            return null;
        }

        try
        {
            return new JsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private TokenValidationParameters CreateParameters(IReadOnlyList<SecurityKey> signingKeys) => new()
    {
        ValidIssuer = options.Value.Issuer,
        ValidAudience = options.Value.Audience,
        IssuerSigningKeys = signingKeys,
        RequireSignedTokens = true,
        RequireAudience = true,
        RequireExpirationTime = true,
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        ClockSkew = options.Value.ClockSkew,
        LifetimeValidator = ValidateLifetime,
    };

    // Replaces the library's check, which reads DateTime.UtcNow, with the same rules on the injected clock.
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        if (expires is null)
        {
            throw new SecurityTokenNoExpirationException("The token has no expiration time.");
        }

        if (notBefore is { } start && start > expires)
        {
            throw new SecurityTokenInvalidLifetimeException("The token's not-before is after its expiration.");
        }

        if (notBefore is { } notYet && notYet > now + parameters.ClockSkew)
        {
            throw new SecurityTokenNotYetValidException("The token is not valid yet.") { NotBefore = notYet };
        }

        if (expires.Value < now - parameters.ClockSkew)
        {
            throw new SecurityTokenExpiredException("The token has expired.") { Expires = expires.Value };
        }

        return true;
    }

    private static JwtFailure Classify(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => JwtFailure.Expired,
        SecurityTokenNotYetValidException => JwtFailure.NotYetValid,
        SecurityTokenNoExpirationException => JwtFailure.MissingExpiration,
        SecurityTokenInvalidIssuerException => JwtFailure.InvalidIssuer,
        SecurityTokenInvalidAudienceException => JwtFailure.InvalidAudience,
        SecurityTokenInvalidSignatureException => JwtFailure.InvalidSignature,
        _ => JwtFailure.Invalid,
    };

    // The header is attacker-controlled: log it only when it is one short token of safe characters.
    private static string? Printable(string? algorithm) =>
        algorithm is { Length: > 0 and <= 16 } && algorithm.All(char.IsAsciiLetterOrDigit) ? algorithm : null;
}
