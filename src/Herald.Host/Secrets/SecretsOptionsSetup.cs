using Herald.Host.Hosting;
using Microsoft.Extensions.Options;

namespace Herald.Host.Secrets;

/// <summary>Fills the local folders from the data directory and checks the chosen provider has what it needs.</summary>
internal sealed class SecretsOptionsSetup(IOptions<HeraldHostOptions> host) : IPostConfigureOptions<SecretsOptions>, IValidateOptions<SecretsOptions>
{
    public void PostConfigure(string? name, SecretsOptions options)
    {
        var data = host.Value.DataDirectory;
        options.LocalDirectory = Path.GetFullPath(string.IsNullOrWhiteSpace(options.LocalDirectory) ? "secrets" : options.LocalDirectory, data);
        options.KeyRingDirectory = Path.GetFullPath(string.IsNullOrWhiteSpace(options.KeyRingDirectory) ? "keys" : options.KeyRingDirectory, data);
    }

    public ValidateOptionsResult Validate(string? name, SecretsOptions options)
    {
        if (!Enum.IsDefined(options.Provider))
        {
            return ValidateOptionsResult.Fail($"{SecretsOptions.SectionName}:Provider must be Local or KeyVault.");
        }

        if (options.Provider == SecretProvider.KeyVault && options.VaultUri is not { IsAbsoluteUri: true, Scheme: "https" })
        {
            return ValidateOptionsResult.Fail($"{SecretsOptions.SectionName}:VaultUri must be the vault's https URI when Provider is KeyVault.");
        }

        return ValidateOptionsResult.Success;
    }
}
