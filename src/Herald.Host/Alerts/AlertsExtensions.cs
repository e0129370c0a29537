using Herald.Host.Hosting;
using Herald.Host.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Herald.Host.Alerts;

/// <summary>Operator alerts (R27): registered when <see cref="AlertOptions"/> name a bot and a chat, the host has storage and runs the engine's workers.</summary>
public static class AlertsExtensions
{
    /// <summary>Binds and validates <see cref="AlertOptions"/>; adds the monitor and its parts when alerts are configured.</summary>
    public static IHostApplicationBuilder AddHeraldAlerts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(AlertOptions.SectionName);
        services.AddOptions<AlertOptions>().Bind(section)
            .Validate(o => o.IsValid, $"{AlertOptions.SectionName}: CheckInterval, Window, FloodWaitWithin and RestingLongerThan must be positive, FloodWaitCount at least 1.")
            .ValidateOnStart();
        var configured = section.Get<AlertOptions>() is { Enabled: true };
        if (!configured || !HostStorageExtensions.UsesStorage(builder) || !builder.Configuration.GetValue(EngineHostExtensions.RunWorkersKey, defaultValue: true))
        {
            return builder;
        }

        services.AddHttpClient(AlertSender.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(15)).RemoveAllLoggers();
        services.TryAddSingleton<FloodWaitWindow>();
        services.TryAddSingleton<AlertGate>();
        services.TryAddSingleton<AlertSender>();
        services.TryAddSingleton<AlertMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertMonitor>());
        return builder;
    }
}
