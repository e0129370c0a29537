using System.Security.Cryptography;
using System.Text;

namespace Herald.Storage;

/// <summary>
/// An account name and key for Shared Key authorization of Table and Queue requests
/// (the shape of <c>Azure.Storage.StorageSharedKeyCredential</c>). The key never leaves this object.
/// </summary>
public sealed class StorageSharedKeyCredential
{
    private byte[] _key;

    /// <summary>Creates the credential from the account name and its base64 key.</summary>
    /// <exception cref="ArgumentException">The key is not valid base64.</exception>
    public StorageSharedKeyCredential(string accountName, string accountKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        AccountName = accountName;
        _key = DecodeKey(accountKey);
    }

    /// <summary>The storage account name.</summary>
    public string AccountName { get; }

    /// <summary>Replaces the key (key rotation).</summary>
    public void SetAccountKey(string accountKey) => _key = DecodeKey(accountKey);

    /// <summary>The base64 HMAC-SHA256 of <paramref name="message"/> (UTF-8) under the account key.</summary>
    internal string ComputeHmacSha256(string message) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(message)));

    private static byte[] DecodeKey(string accountKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountKey);
        try
        {
            return Convert.FromBase64String(accountKey);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException("The account key is not valid base64.", nameof(accountKey), ex);
        }
    }
}
