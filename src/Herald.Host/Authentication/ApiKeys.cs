using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Herald.Host.Authentication;

/// <summary>Makes and hashes API keys: 256 random bits, stored as their SHA-256 (a hash of a high-entropy key needs no salt).</summary>
public static class ApiKeys
{
    /// <summary>Longer presented keys are refused unread.</summary>
    public const int MaxLength = 256;

    private const string Prefix = "hk_";

    /// <summary>A new key: <c>hk_</c> and 32 random bytes in base64url.</summary>
    public static string Generate() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>The lowercase hex SHA-256 of the key's UTF-8 bytes: the only form kept at rest.</summary>
    public static string Hash(string apiKey) => Convert.ToHexStringLower(HashBytes(apiKey));

    internal static byte[] HashBytes(string apiKey) => SHA256.HashData(Encoding.UTF8.GetBytes(apiKey));
}
