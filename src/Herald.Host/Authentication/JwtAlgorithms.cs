using Microsoft.IdentityModel.Tokens;

namespace Herald.Host.Authentication;

/// <summary>The JWS algorithms Herald can accept, and the kind of key each one needs.</summary>
public static class JwtAlgorithms
{
    /// <summary>HMAC with SHA-256.</summary>
    public const string HmacSha256 = SecurityAlgorithms.HmacSha256;

    /// <summary>RSASSA-PKCS1-v1_5 with SHA-256.</summary>
    public const string RsaSha256 = SecurityAlgorithms.RsaSha256;

    private static readonly HashSet<string> Hmac = new(StringComparer.Ordinal)
    {
        SecurityAlgorithms.HmacSha256, SecurityAlgorithms.HmacSha384, SecurityAlgorithms.HmacSha512,
    };

    private static readonly HashSet<string> Rsa = new(StringComparer.Ordinal)
    {
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
    };

    /// <summary>True for HS256/384/512: the token is verified with shared secrets only.</summary>
    public static bool IsHmac(string algorithm) => Hmac.Contains(algorithm);

    /// <summary>True for RS256/384/512: the token is verified with RSA public keys only.</summary>
    public static bool IsRsa(string algorithm) => Rsa.Contains(algorithm);

    /// <summary>True when Herald knows how to verify <paramref name="algorithm"/> (names are case-sensitive, RFC 7515).</summary>
    public static bool IsSupported(string algorithm) => IsHmac(algorithm) || IsRsa(algorithm);
}
