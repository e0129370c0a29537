using Herald.Host.Secrets;
using Herald.Host.Tests.Infrastructure;
using Herald.Platforms.Abstractions;
using Microsoft.Extensions.Options;

namespace Herald.Host.Tests.Secrets;

/// <summary>Key Vault is only checked for selection and naming here: no network in tests.</summary>
public sealed class KeyVaultSecretStoreTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void SecretStore_ProviderKeyVault_ResolvesKeyVaultStoreWithoutCallingIt()
    {
        using var host = SecretStoreHost.Build(_data.Path, new Dictionary<string, string?>
        {
            ["Herald:Secrets:Provider"] = "KeyVault",
            ["Herald:Secrets:VaultUri"] = "https://herald-test.vault.azure.net/",
        });

        Assert.IsType<KeyVaultSecretStore>(host.Services.GetRequiredService<ISecretStore>());
    }

    [Fact]
    public void SecretStore_KeyVaultWithoutVaultUri_FailsValidation()
    {
        using var host = SecretStoreHost.Build(_data.Path, new Dictionary<string, string?> { ["Herald:Secrets:Provider"] = "KeyVault" });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<ISecretStore>());
        Assert.Contains("VaultUri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SecretStore_DefaultProvider_IsLocalInTheDataDirectory()
    {
        using var host = SecretStoreHost.Build(_data.Path);

        var options = host.Services.GetRequiredService<IOptions<SecretsOptions>>().Value;
        Assert.IsType<LocalSecretStore>(host.Services.GetRequiredService<ISecretStore>());
        Assert.Equal(Path.Combine(_data.Path, "secrets"), options.LocalDirectory);
        Assert.Equal(Path.Combine(_data.Path, "keys"), options.KeyRingDirectory);
    }
}
