using Azure;
using Azure.Security.KeyVault.Secrets;
using Herald.Platforms.Abstractions;

namespace Herald.Host.Secrets;

/// <summary>
/// Secrets in Azure Key Vault. The reference is the secret's name (<see cref="SecretNames.For"/>); setting an existing
/// name adds a new version. Values are read on demand and never cached here (R29).
/// </summary>
internal sealed class KeyVaultSecretStore(SecretClient client, ILogger<KeyVaultSecretStore> logger) : ISecretStore
{
    public async Task<string> SetAsync(string tenantId, string name, string value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        var reference = SecretNames.For(tenantId, name);
        await client.SetSecretAsync(reference, value, cancellationToken);
        Log.SecretStored(logger, tenantId, reference);
        return reference;
    }

    public async Task<string?> GetAsync(string reference, CancellationToken cancellationToken = default)
    {
        if (!SecretNames.IsValidReference(reference))
        {
            return null;
        }

        try
        {
            var secret = await client.GetSecretAsync(reference, cancellationToken: cancellationToken);
            return secret.Value.Value;
        }
        catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status404NotFound)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string reference, CancellationToken cancellationToken = default)
    {
        if (!SecretNames.IsValidReference(reference))
        {
            return;
        }

        try
        {
            await client.StartDeleteSecretAsync(reference, cancellationToken);
            Log.SecretDeleted(logger, reference);
        }
        catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status404NotFound)
        {
            // Already gone: deleting is idempotent.
        }
    }
}
