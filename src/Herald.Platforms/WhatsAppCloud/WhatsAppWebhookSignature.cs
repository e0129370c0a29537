using System.Security.Cryptography;
using System.Text;

namespace Herald.Platforms.WhatsAppCloud;

/// <summary>
/// Meta signs every webhook call with the app secret: <c>X-Hub-Signature-256: sha256={hex HMAC-SHA256 of the raw body}</c>.
/// </summary>
public static class WhatsAppWebhookSignature
{
    /// <summary>The header that carries the signature.</summary>
    public const string HeaderName = "X-Hub-Signature-256";

    /// <summary>The header value for <paramref name="body"/> signed with <paramref name="appSecret"/>.</summary>
    public static string Sign(string appSecret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));

    /// <summary>True when <paramref name="header"/> is the signature of <paramref name="body"/> (compared in constant time).</summary>
    public static bool IsValid(string appSecret, ReadOnlySpan<byte> body, string? header)
    {
        if (string.IsNullOrEmpty(appSecret) || header is null || !header.StartsWith("sha256=", StringComparison.Ordinal))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(appSecret, body));
        var given = Encoding.ASCII.GetBytes(header.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
