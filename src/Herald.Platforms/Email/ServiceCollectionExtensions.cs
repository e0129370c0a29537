using Herald.Core.Limits;
using Herald.Platforms.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Herald.Platforms.Email;

/// <summary>Registers the e-mail platform.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="EmailOptions"/> (validated on start), <see cref="EmailPlatform"/> as an
    /// <see cref="IPlatformAdapter"/> and <see cref="EmailRecipientValidator"/> (R10). Needs an
    /// <see cref="ISecretStore"/>; uses a registered <see cref="TimeProvider"/> or the system clock. Calling it again adds
    /// only the configuration.
    /// </summary>
    public static IServiceCollection AddEmailPlatform(this IServiceCollection services, Action<EmailOptions>? configure = null)
    {
        var options = services.AddOptions<EmailOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PlatformLimitsOptions>, SimulatedTimeGuard<EmailOptions>>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new EmailPlatform(
            new CachedSecrets<EmailCredentials>(
                sp.GetRequiredService<ISecretStore>(),
                () => sp.GetRequiredService<IOptions<EmailOptions>>().Value.CredentialCacheDuration,
                sp.GetRequiredService<TimeProvider>(),
                EmailCredentials.Parse),
            sp.GetRequiredService<IOptions<EmailOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<EmailPlatform>>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPlatformAdapter, EmailPlatform>(sp => sp.GetRequiredService<EmailPlatform>()));
        services.TryAddSingleton(sp => new EmailRecipientValidator(sp.GetRequiredService<IOptions<EmailOptions>>().Value.Validation));
        return services;
    }
}
