using Herald.Core.Limits;
using Herald.Platforms.Abstractions;
using Herald.Platforms.TelegramUser.Sessions;
using Herald.Platforms.TelegramUser.Td;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Herald.Platforms.TelegramUser;

/// <summary>Registers Telegram user accounts through TDLib.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>The named HTTP client of the simulated TDLib.</summary>
    public const string SimulatorHttpClientName = "Herald.TelegramUser.Simulator";

    /// <summary>
    /// Registers <see cref="TelegramUserOptions"/> (validated on start: without <see cref="TelegramUserOptions.SimulatorUrl"/>,
    /// libtdjson must be found, else the host stops naming <c>Herald:TelegramUser:TdJsonPath</c>), the
    /// <see cref="ITdClientFactory"/> (libtdjson, or the simulated TDLib at <see cref="TelegramUserOptions.SimulatorUrl"/>),
    /// <see cref="TelegramUserSessions"/>, <see cref="TelegramUserLogins"/> and <see cref="TelegramUserPlatform"/> as an <see cref="IPlatformAdapter"/> for user
    /// accounts. Needs an <see cref="ISecretStore"/>. Sessions stay on this machine (<see cref="LocalTdSessionStore"/>) unless
    /// an <see cref="ITdSessionStore"/> (e.g. <see cref="BlobTdSessionStore"/>) is registered first.
    /// </summary>
    public static IServiceCollection AddTelegramUserPlatform(this IServiceCollection services, Action<TelegramUserOptions>? configure = null)
    {
        var options = services.AddOptions<TelegramUserOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PlatformLimitsOptions>, SimulatedTimeGuard<TelegramUserOptions>>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelegramUserOptions>, TelegramUserOptionsValidator>());
        services.AddHttpClient(SimulatorHttpClientName, (sp, http) =>
        {
            var url = sp.GetRequiredService<IOptions<TelegramUserOptions>>().Value.SimulatorUrl;
            if (!string.IsNullOrEmpty(url))
            {
                http.BaseAddress = new Uri(url.EndsWith('/') ? url : url + "/");
            }

            http.Timeout = Timeout.InfiniteTimeSpan;
        }).RemoveAllLoggers();
        services.TryAddSingleton<ITdClientFactory>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<TelegramUserOptions>>().Value;
            return string.IsNullOrEmpty(o.SimulatorUrl)
                ? new TdJsonClientFactory(o.TdJsonPath)
                : new SimulatedTdClientFactory(sp.GetRequiredService<IHttpClientFactory>().CreateClient(SimulatorHttpClientName));
        });
        services.TryAddSingleton<ITdSessionStore, LocalTdSessionStore>();
        services.TryAddSingleton(sp => new TelegramUserSessions(
            sp.GetRequiredService<ITdClientFactory>(),
            sp.GetRequiredService<ISecretStore>(),
            sp.GetRequiredService<IOptions<TelegramUserOptions>>().Value,
            sp.GetRequiredService<ITdSessionStore>(),
            sp.GetService<TimeProvider>(),
            sp.GetRequiredService<ILogger<TelegramUserSessions>>()));
        services.TryAddSingleton(sp => new TelegramUserPlatform(
            sp.GetRequiredService<TelegramUserSessions>(),
            sp.GetRequiredService<IOptions<TelegramUserOptions>>().Value,
            sp.GetRequiredService<ILogger<TelegramUserPlatform>>()));
        services.TryAddSingleton(sp => new TelegramUserLogins(sp.GetRequiredService<TelegramUserSessions>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPlatformAdapter, TelegramUserPlatform>(sp => sp.GetRequiredService<TelegramUserPlatform>()));
        return services;
    }
}
