using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Herald.Host.Tests.Infrastructure;

/// <summary>Builds test JWTs, good and bad, with times from the test clock (never the machine's).</summary>
public static class TestTokens
{
    private static readonly JsonWebTokenHandler Handler = new();

    /// <summary>A token signed with <paramref name="credentials"/> (default: the configured HS256 secret).</summary>
    public static string Create(
        DateTimeOffset now,
        string? subject = "tenant-a",
        SigningCredentials? credentials = null,
        string issuer = TestKeys.Issuer,
        string audience = TestKeys.Audience,
        TimeSpan? notBeforeOffset = null,
        TimeSpan? expiresOffset = null)
    {
        var claims = new ClaimsIdentity();
        if (subject is not null)
        {
            claims.AddClaim(new Claim(JwtRegisteredClaimNames.Sub, subject));
        }

        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = claims,
            IssuedAt = now.UtcDateTime,
            NotBefore = (now + (notBeforeOffset ?? TimeSpan.Zero)).UtcDateTime,
            Expires = (now + (expiresOffset ?? TimeSpan.FromHours(1))).UtcDateTime,
            SigningCredentials = credentials ?? Hmac(TestKeys.HmacSecret),
        });
    }

    public static SigningCredentials Hmac(string secret, string algorithm = SecurityAlgorithms.HmacSha256) =>
        Hmac(Encoding.UTF8.GetBytes(secret), algorithm);

    public static SigningCredentials Hmac(byte[] key, string algorithm = SecurityAlgorithms.HmacSha256) =>
        new(new SymmetricSecurityKey(key), algorithm);

    public static SigningCredentials Rsa(TestKeys.RsaKey key, string algorithm = SecurityAlgorithms.RsaSha256, bool withKeyId = true) =>
        new(key.SigningKey(withKeyId), algorithm);

    /// <summary>An unsigned token: header <c>{"alg":"none"}</c>, valid claims, empty signature.</summary>
    public static string Unsigned(DateTimeOffset now, string subject = "tenant-a")
    {
        var header = Encode(new { alg = "none", typ = "JWT" });
        var payload = Encode(new
        {
            iss = TestKeys.Issuer,
            aud = TestKeys.Audience,
            sub = subject,
            nbf = now.ToUnixTimeSeconds(),
            exp = now.AddHours(1).ToUnixTimeSeconds(),
        });
        return $"{header}.{payload}.";
    }

    private static string Encode(object value) => Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(value));
}
