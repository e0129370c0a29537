using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Herald.Host.Authentication;

/// <summary>Reads the RSA signing keys of a JWKS document (RFC 7517); other key types are ignored.</summary>
internal static class Jwks
{
    /// <summary>The RSA keys meant for signatures, each bound to its <c>alg</c> when the document names one.</summary>
    public static IReadOnlyList<AlgorithmKey> ReadRsaKeys(string json, string source)
    {
        JsonWebKeySet set;
        try
        {
            set = new JsonWebKeySet(json);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"{source} is not a JWKS document.", ex);
        }

        var keys = new List<AlgorithmKey>();
        foreach (var jwk in set.Keys)
        {
            if (!string.Equals(jwk.Kty, JsonWebAlgorithmsKeyTypes.RSA, StringComparison.Ordinal)
                || (jwk.Use is not null && !string.Equals(jwk.Use, JsonWebKeyUseNames.Sig, StringComparison.Ordinal))
                || string.IsNullOrEmpty(jwk.N) || string.IsNullOrEmpty(jwk.E)
                || (jwk.Alg is not null && !JwtAlgorithms.IsRsa(jwk.Alg)))
            {
                continue;
            }

            var parameters = new RSAParameters { Modulus = Base64UrlEncoder.DecodeBytes(jwk.N), Exponent = Base64UrlEncoder.DecodeBytes(jwk.E) };
            keys.Add(new AlgorithmKey(new RsaSecurityKey(parameters) { KeyId = jwk.Kid }, jwk.Alg));
        }

        return keys;
    }
}
