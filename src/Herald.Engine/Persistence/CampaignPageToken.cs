using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Herald.Engine.Persistence;

/// <summary>
/// The opaque continuation of a page of campaigns: the storage's own continuation, bound to the tenant and checked by a
/// hash, so a token changed by hand or taken from another tenant is refused instead of sent to storage.
/// </summary>
public static class CampaignPageToken
{
    private const int HashBytes = 8;

    /// <summary>The token that carries <paramref name="storageContinuation"/> for <paramref name="tenantId"/>.</summary>
    public static string Write(string tenantId, string storageContinuation)
    {
        var body = Encoding.UTF8.GetBytes(storageContinuation);
        return Base64Url.EncodeToString([.. Hash(tenantId, body), .. body]);
    }

    /// <summary>The storage's continuation in <paramref name="token"/>; false when the token is not one written for this tenant.</summary>
    public static bool TryRead(string token, string tenantId, out string storageContinuation)
    {
        storageContinuation = "";
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            return false;
        }

        if (bytes.Length <= HashBytes || !CryptographicOperations.FixedTimeEquals(bytes.AsSpan(0, HashBytes), Hash(tenantId, bytes.AsSpan(HashBytes))))
        {
            return false;
        }

        storageContinuation = Encoding.UTF8.GetString(bytes, HashBytes, bytes.Length - HashBytes);
        return true;
    }

    private static byte[] Hash(string tenantId, ReadOnlySpan<byte> body)
    {
        var tenant = Encoding.UTF8.GetBytes(tenantId + "\n");
        return SHA256.HashData([.. tenant, .. body])[..HashBytes];
    }
}
