using Herald.Core.Limits;
using Herald.Platforms.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Herald.Platforms.WhatsAppCloud;

/// <summary>Registers the WhatsApp Cloud API platform.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="WhatsAppCloudOptions"/> (validated on start), <see cref="WhatsAppCloudApi"/> over a named
    /// HTTP client (its request logging removed) and <see cref="WhatsAppCloudPlatform"/> as an
    /// <see cref="IPlatformAdapter"/>. Notes each sent message's <c>wamid</c> in an <see cref="ISentMessageLog"/> when
    /// one is registered (for the status webhooks). Needs an <see cref="ISecretStore"/>; uses a registered <see cref="TimeProvider"/>
    /// or the system clock. Calling it again adds only the configuration.
    /// </summary>
    public static IServiceCollection AddWhatsAppCloudPlatform(this IServiceCollection services, Action<WhatsAppCloudOptions>? configure = null)
    {
        var options = services.AddOptions<WhatsAppCloudOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PlatformLimitsOptions>, SimulatedTimeGuard<WhatsAppCloudOptions>>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WhatsAppCloudOptions>, WhatsAppCloudOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(WhatsAppCloudApi.HttpClientName, (sp, http) => http.Timeout = sp.GetRequiredService<IOptions<WhatsAppCloudOptions>>().Value.RequestTimeout)
            .RemoveAllLoggers();
        services.TryAddSingleton(sp => new WhatsAppCloudApi(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<IOptions<WhatsAppCloudOptions>>().Value,
            sp.GetRequiredService<ILogger<WhatsAppCloudApi>>()));
        services.TryAddSingleton(sp => new WhatsAppCloudPlatform(
            sp.GetRequiredService<WhatsAppCloudApi>(),
            new CachedSecrets<WhatsAppCredentials>(
                sp.GetRequiredService<ISecretStore>(),
                () => sp.GetRequiredService<IOptions<WhatsAppCloudOptions>>().Value.CredentialCacheDuration,
                sp.GetRequiredService<TimeProvider>(),
                s => WhatsAppCredentials.TryParse(s, out var c) ? c : null),
            sp.GetRequiredService<IOptions<WhatsAppCloudOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<WhatsAppCloudPlatform>>(),
            sp.GetService<ISentMessageLog>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPlatformAdapter, WhatsAppCloudPlatform>(sp => sp.GetRequiredService<WhatsAppCloudPlatform>()));
        return services;
    }
}
