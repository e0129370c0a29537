using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Herald.Host.Tests.Infrastructure;

/// <summary>Key material for the tests, made once per run: HMAC secrets and RSA key pairs.</summary>
public static class TestKeys
{
    public const string Issuer = "https://issuer.herald.test";
    public const string Audience = "herald-api";

    /// <summary>The configured HS256 secret (≥ 32 bytes).</summary>
    public const string HmacSecret = "test-hmac-secret-0123456789-abcdefghijklmnop";

    /// <summary>A well-formed secret the server does not know.</summary>
    public const string OtherHmacSecret = "another-secret-0123456789-abcdefghijklmnopqrs";

    /// <summary>Configured as a PEM public key.</summary>
    public static RsaKey Pem { get; } = new("pem-1");

    /// <summary>Published in the inline JWKS document.</summary>
    public static RsaKey InlineJwks { get; } = new("inline-1");

    /// <summary>Never configured anywhere.</summary>
    public static RsaKey Unknown { get; } = new("unknown-1");

    /// <summary>A JWKS document (<c>{"keys":[…]}</c>) publishing the public halves of <paramref name="keys"/>.</summary>
    public static string JwksFor(params RsaKey[] keys) =>
        JsonSerializer.Serialize(new { keys = keys.Select(k => k.ToJwk()).ToArray() });

    public sealed class RsaKey
    {
        private readonly RSAParameters _private;

        public RsaKey(string keyId)
        {
            KeyId = keyId;
            using var rsa = RSA.Create(2048);
            _private = rsa.ExportParameters(includePrivateParameters: true);
            PublicPem = rsa.ExportSubjectPublicKeyInfoPem();
            PublicDer = rsa.ExportSubjectPublicKeyInfo();
        }

        public string KeyId { get; }

        public string PublicPem { get; }

        public byte[] PublicDer { get; }

        /// <summary>The private key for signing, with <see cref="KeyId"/> as <c>kid</c> (or none).</summary>
        public RsaSecurityKey SigningKey(bool withKeyId = true) => new(_private) { KeyId = withKeyId ? KeyId : null };

        public object ToJwk() => new
        {
            kty = "RSA",
            use = "sig",
            alg = "RS256",
            kid = KeyId,
            n = Base64UrlEncoder.Encode(_private.Modulus),
            e = Base64UrlEncoder.Encode(_private.Exponent),
        };
    }
}
