using System.Security.Cryptography;
using Herald.Host.Hosting;
using Herald.Platforms.Abstractions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Herald.Host.Secrets;

/// <summary>
/// Development secret store: one file per secret in <see cref="SecretsOptions.LocalDirectory"/>, its value encrypted
/// with Data Protection (purpose <c>Herald.Secrets</c>; key ring in <see cref="SecretsOptions.KeyRingDirectory"/>).
/// Files and folders are owner-only. Not for production: the key ring itself is not encrypted at rest on Linux.
/// </summary>
internal sealed class LocalSecretStore(IDataProtectionProvider dataProtection, IOptions<SecretsOptions> options, ILogger<LocalSecretStore> logger)
    : ISecretStore
{
    /// <summary>The Data Protection purpose string: values protected for anything else cannot be read here.</summary>
    public const string Purpose = "Herald.Secrets";

    private const string Extension = ".secret";

    private readonly IDataProtector _protector = dataProtection.CreateProtector(Purpose);

    public async Task<string> SetAsync(string tenantId, string name, string value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        var reference = SecretNames.For(tenantId, name);
        LocalFiles.EnsurePrivateDirectory(Folder);
        await LocalFiles.WriteAtomicallyAsync(PathOf(reference), _protector.Protect(value), cancellationToken);
        Log.SecretStored(logger, tenantId, reference);
        return reference;
    }

    public async Task<string?> GetAsync(string reference, CancellationToken cancellationToken = default)
    {
        if (!SecretNames.IsValidReference(reference))
        {
            return null;
        }

        string protectedValue;
        try
        {
            protectedValue = await File.ReadAllTextAsync(PathOf(reference), cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        try
        {
            return _protector.Unprotect(protectedValue);
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException($"Secret {reference} cannot be decrypted: the key ring does not match the file.", ex);
        }
    }

    public Task DeleteAsync(string reference, CancellationToken cancellationToken = default)
    {
        if (SecretNames.IsValidReference(reference) && File.Exists(PathOf(reference)))
        {
            File.Delete(PathOf(reference));
            Log.SecretDeleted(logger, reference);
        }

        return Task.CompletedTask;
    }

    private string Folder => options.Value.LocalDirectory!;

    // Safe: the reference was checked against ^[0-9a-zA-Z-]+$, so it cannot leave the folder.
    private string PathOf(string reference) => Path.Combine(Folder, reference + Extension);
}
