namespace Herald.Host.Secrets;

/// <summary>Where secrets (bot tokens, sessions, API hashes) are kept, bound from <c>Herald:Secrets</c>.</summary>
public sealed class SecretsOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Herald:Secrets";

    /// <summary>The store in use. Default: <see cref="SecretProvider.Local"/> (development only: see <see cref="LocalDirectory"/>).</summary>
    public SecretProvider Provider { get; set; } = SecretProvider.Local;

    /// <summary>The Key Vault, e.g. <c>https://herald-kv.vault.azure.net/</c>. Required for <see cref="SecretProvider.KeyVault"/>.</summary>
    public Uri? VaultUri { get; set; }

    /// <summary>For Key Vault: the client id of a user-assigned managed identity, when that is the identity to use. Default: none.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>For the local store: the folder of encrypted secret files. Default: <c>{DataDirectory}/secrets</c>.</summary>
    public string? LocalDirectory { get; set; }

    /// <summary>For the local store: the Data Protection key ring folder. Default: <c>{DataDirectory}/keys</c>.</summary>
    public string? KeyRingDirectory { get; set; }
}

/// <summary>The secret stores Herald has.</summary>
public enum SecretProvider
{
    /// <summary>Files in a local folder, each encrypted with ASP.NET Core Data Protection. For development.</summary>
    Local,

    /// <summary>Azure Key Vault through <c>DefaultAzureCredential</c>.</summary>
    KeyVault,
}
