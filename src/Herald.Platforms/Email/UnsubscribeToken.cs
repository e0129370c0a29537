using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Herald.Platforms.Email;

/// <summary>
/// The token of a one-click unsubscribe link (RFC 8058): the tenant and the recipient's key (<c>u:…</c>, <c>p:…</c>),
/// sealed with AES-GCM under a key derived from <see cref="EmailOptions.UnsubscribeSecret"/>, so the link neither shows
/// the address nor can be forged for another recipient.
/// </summary>
public static class UnsubscribeToken
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    /// <summary>Seals a token.</summary>
    public static string Create(string secret, string tenantId, string recipientKey)
    {
        var plain = Encoding.UTF8.GetBytes(tenantId + "\n" + recipientKey);
        var sealedBytes = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(Key(secret), TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize));
        return Base64Url.EncodeToString(sealedBytes);
    }

    /// <summary>Opens a token; false when it is not one sealed with <paramref name="secret"/>.</summary>
    public static bool TryOpen(string secret, string? token, out string tenantId, out string recipientKey)
    {
        tenantId = recipientKey = "";
        if (string.IsNullOrEmpty(token) || token.Length > 2048)
        {
            return false;
        }

        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            return false;
        }

        if (bytes.Length <= NonceSize + TagSize)
        {
            return false;
        }

        var plain = new byte[bytes.Length - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(Key(secret), TagSize);
            aes.Decrypt(bytes.AsSpan(0, NonceSize), bytes.AsSpan(NonceSize + TagSize), bytes.AsSpan(NonceSize, TagSize), plain);
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(plain);
        var split = text.IndexOf('\n', StringComparison.Ordinal);
        if (split <= 0 || split == text.Length - 1)
        {
            return false;
        }

        (tenantId, recipientKey) = (text[..split], text[(split + 1)..]);
        return true;
    }

    private static byte[] Key(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes("herald-unsubscribe\n" + secret));
}
