namespace Herald.Host.Authentication;

/// <summary>Why a bearer token was refused. Safe to log and to return: never carries token text.</summary>
public enum JwtFailure
{
    /// <summary>Not refused.</summary>
    None,

    /// <summary>Not a compact JWS (three base64url parts with a readable header).</summary>
    Malformed,

    /// <summary>The header's <c>alg</c> is <c>none</c>, unknown, or not in the allow-list.</summary>
    AlgorithmNotAllowed,

    /// <summary>No configured key can verify the header's algorithm.</summary>
    NoSigningKey,

    /// <summary>No key verified the signature.</summary>
    InvalidSignature,

    /// <summary>The <c>iss</c> is not the configured issuer.</summary>
    InvalidIssuer,

    /// <summary>The <c>aud</c> does not name the configured audience.</summary>
    InvalidAudience,

    /// <summary>The token has no <c>exp</c>.</summary>
    MissingExpiration,

    /// <summary>The <c>exp</c> has passed (beyond the clock skew).</summary>
    Expired,

    /// <summary>The <c>nbf</c> is still ahead (beyond the clock skew).</summary>
    NotYetValid,

    /// <summary>The <c>sub</c> is missing or not a valid tenant id.</summary>
    InvalidSubject,

    /// <summary>Refused for another reason.</summary>
    Invalid,
}

/// <summary>Texts for <see cref="JwtFailure"/>, used in <c>WWW-Authenticate</c> and problem details.</summary>
public static class JwtFailureDescriptions
{
    /// <summary>A short English description of <paramref name="failure"/> (no quotes, safe in a header).</summary>
    public static string Describe(JwtFailure failure) => failure switch
    {
        JwtFailure.Malformed => "The bearer token is not a well-formed signed JWT.",
        JwtFailure.AlgorithmNotAllowed => "The token's signing algorithm is not accepted.",
        JwtFailure.NoSigningKey => "No key is configured for the token's signing algorithm.",
        JwtFailure.InvalidSignature => "The token's signature is not valid.",
        JwtFailure.InvalidIssuer => "The token's issuer is not accepted.",
        JwtFailure.InvalidAudience => "The token's audience is not accepted.",
        JwtFailure.MissingExpiration => "The token has no expiration time.",
        JwtFailure.Expired => "The token has expired.",
        JwtFailure.NotYetValid => "The token is not valid yet.",
        JwtFailure.InvalidSubject => "The token's subject is missing or is not a valid tenant id.",
        _ => "The token is not valid.",
    };
}
