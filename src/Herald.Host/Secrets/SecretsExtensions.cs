using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Herald.Host.Hosting;
using Herald.Platforms.Abstractions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Herald.Host.Secrets;

/// <summary>Registers <see cref="ISecretStore"/>: the store named by <c>Herald:Secrets:Provider</c> (Local or KeyVault).</summary>
public static class SecretsExtensions
{
    /// <summary>
    /// Adds both stores and resolves <see cref="ISecretStore"/> to the configured one when first asked; the Key Vault
    /// client (<c>DefaultAzureCredential</c>) is only built when Key Vault is chosen. The Data Protection key ring is
    /// kept in <see cref="SecretsOptions.KeyRingDirectory"/>.
    /// </summary>
    public static IHostApplicationBuilder AddHeraldSecrets(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHeraldHostOptions(builder.Configuration);
        services.AddOptions<SecretsOptions>().Bind(builder.Configuration.GetSection(SecretsOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<SecretsOptions>, SecretsOptionsSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SecretsOptions>, SecretsOptionsSetup>());

        services.AddDataProtection().SetApplicationName("Herald");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<SecretsOptions>, ILoggerFactory>((keys, secrets, loggerFactory) =>
            keys.XmlRepository = new FileSystemXmlRepository(LocalFiles.EnsurePrivateDirectory(secrets.Value.KeyRingDirectory!), loggerFactory));

        services.TryAddSingleton<LocalSecretStore>();
        services.TryAddSingleton(CreateSecretClient);
        services.TryAddSingleton<KeyVaultSecretStore>();
        services.TryAddSingleton<ISecretStore>(sp => sp.GetRequiredService<IOptions<SecretsOptions>>().Value.Provider switch
        {
            SecretProvider.KeyVault => sp.GetRequiredService<KeyVaultSecretStore>(),
            _ => sp.GetRequiredService<LocalSecretStore>(),
        });
        return builder;
    }

    private static SecretClient CreateSecretClient(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<SecretsOptions>>().Value;
        var vault = options.VaultUri ?? throw new InvalidOperationException($"{SecretsOptions.SectionName}:VaultUri is not set.");
        var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ManagedIdentityClientId });
        return new SecretClient(vault, credential);
    }
}
