using Herald.Host.Hosting;
using Herald.Host.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Herald.Host.Integrations;

/// <summary>Registers the clients of integration-service and parsing-service (R8) and, when they can run, the ban reports.</summary>
public static class IntegrationsExtensions
{
    /// <summary>
    /// Binds and validates <see cref="IntegrationsOptions"/> (<c>Herald:Integrations</c>), adds the typed clients
    /// (<see cref="IntegrationServiceClient"/>, <see cref="ParsingServiceClient"/>; timeouts and retries are
    /// <see cref="ServiceCaller"/>'s, so the clients' own timeout is off), the account and audience imports, and the
    /// <see cref="BanReporter"/> when integration-service is configured and the host has storage and runs the workers.
    /// </summary>
    public static IHostApplicationBuilder AddHeraldIntegrations(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var section = builder.Configuration.GetSection(IntegrationsOptions.SectionName);
        services.AddOptions<IntegrationsOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IntegrationsOptions>, IntegrationsOptionsValidator>());
        services.TryAddSingleton<ServiceCaller>();
        services.AddHttpClient<IntegrationServiceClient>(http => http.Timeout = Timeout.InfiniteTimeSpan).RemoveAllLoggers();
        services.AddHttpClient<ParsingServiceClient>(http => http.Timeout = Timeout.InfiniteTimeSpan).RemoveAllLoggers();
        if (!HostStorageExtensions.UsesStorage(builder))
        {
            return builder;
        }

        services.TryAddSingleton<IntegrationLinks>();
        services.TryAddTransient<AccountImport>();
        services.TryAddTransient<AudienceImport>();
        var configured = section.Get<IntegrationsOptions>() is { IntegrationService.IsConfigured: true };
        if (configured && builder.Configuration.GetValue(EngineHostExtensions.RunWorkersKey, defaultValue: true))
        {
            services.TryAddSingleton<BanReporter>();
            services.AddHostedService(sp => sp.GetRequiredService<BanReporter>());
        }

        return builder;
    }
}
