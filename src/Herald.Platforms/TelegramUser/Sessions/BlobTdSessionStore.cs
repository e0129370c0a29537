using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs;

namespace Herald.Platforms.TelegramUser.Sessions;

/// <summary>
/// Sessions in a blob container (Azure Storage; Azurite locally): the closed database directory zipped and sealed
/// with AES-GCM under a key derived from the account's <c>database_encryption_key</c> (which lives in the secret store
/// only), so the blob is unreadable without the secret, on top of TDLib's own encryption of its databases. The blob's
/// name is a hash of tenant and account: it names nobody.
/// </summary>
public sealed class BlobTdSessionStore(BlobContainerClient container) : ITdSessionStore
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] Info = Encoding.UTF8.GetBytes("herald-tdlib-session-v1");

    /// <inheritdoc />
    public async Task<bool> DownloadAsync(string tenantId, string accountId, string directory, string databaseKey, CancellationToken cancellationToken = default)
    {
        byte[] sealedBytes;
        try
        {
            var content = await Blob(tenantId, accountId).DownloadContentAsync(cancellationToken);
            sealedBytes = content.Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }

        var zip = Open(sealedBytes, databaseKey);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        using var stream = new MemoryStream(zip);
        await ZipFile.ExtractToDirectoryAsync(stream, directory, overwriteFiles: true, cancellationToken);
        return true;
    }

    /// <inheritdoc />
    public async Task UploadAsync(string tenantId, string accountId, string directory, string databaseKey, CancellationToken cancellationToken = default)
    {
        using var stream = new MemoryStream();
        await ZipFile.CreateFromDirectoryAsync(directory, stream, CompressionLevel.Fastest, includeBaseDirectory: false, cancellationToken);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await Blob(tenantId, accountId).UploadAsync(BinaryData.FromBytes(Seal(stream.ToArray(), databaseKey)), overwrite: true, cancellationToken);
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string tenantId, string accountId, CancellationToken cancellationToken = default)
    {
        try
        {
            await Blob(tenantId, accountId).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // The container does not exist yet: nothing to delete.
        }
    }

    private BlobClient Blob(string tenantId, string accountId) =>
        container.GetBlobClient(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(tenantId + "\n" + accountId))) + ".session");

    private static byte[] Key(string databaseKey) => HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(databaseKey), 32, info: Info);

    private static byte[] Seal(byte[] plain, string databaseKey)
    {
        var output = new byte[NonceSize + TagSize + plain.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(Key(databaseKey), TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), Info);
        return output;
    }

    private static byte[] Open(byte[] sealedBytes, string databaseKey)
    {
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The stored session is truncated.");
        }

        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(Key(databaseKey), TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), plain, Info);
        return plain;
    }
}
