using Herald.Core.Limits;
using Herald.Platforms.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Herald.Platforms.TelegramBot;

/// <summary>Registers the Telegram Bot API platform.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="TelegramBotOptions"/> (validated on start),
    /// <see cref="TelegramBotApi"/> over Telegram.Bot (its named HTTP client has the factory's request logging removed:
    /// those log lines carry the request URI, which carries the token) and <see cref="TelegramBotPlatform"/>
    /// as an <see cref="IPlatformAdapter"/>, <see cref="TelegramBotMessenger"/> (single messages paced by the
    /// same per-bot limiter) and <see cref="TelegramBotSingleMessages"/> over it as the engine's <see cref="ISingleMessagePlatform"/>. Needs an <see cref="ISecretStore"/>; uses a registered
    /// <see cref="TimeProvider"/> or the system clock. Calling it again adds only the configuration.
    /// </summary>
    public static IServiceCollection AddTelegramBotPlatform(this IServiceCollection services, Action<TelegramBotOptions>? configure = null)
    {
        var options = services.AddOptions<TelegramBotOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PlatformLimitsOptions>, SimulatedTimeGuard<TelegramBotOptions>>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelegramBotOptions>, TelegramBotOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(TelegramBotApi.HttpClientName, (sp, http) => http.Timeout = sp.GetRequiredService<IOptions<TelegramBotOptions>>().Value.RequestTimeout)
            .RemoveAllLoggers();
        services.TryAddSingleton(sp => new TelegramBotApi(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<IOptions<TelegramBotOptions>>().Value,
            sp.GetRequiredService<ILogger<TelegramBotApi>>()));
        services.TryAddSingleton<TelegramBotRateLimiters>();
        services.TryAddSingleton(sp => new TelegramBotPlatform(
            sp.GetRequiredService<TelegramBotApi>(),
            new TelegramBotCredentials(sp.GetRequiredService<ISecretStore>(), sp.GetRequiredService<IOptions<TelegramBotOptions>>().Value, sp.GetRequiredService<TimeProvider>()),
            sp.GetRequiredService<TelegramBotRateLimiters>(),
            sp.GetRequiredService<IOptions<TelegramBotOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<TelegramBotPlatform>>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPlatformAdapter, TelegramBotPlatform>(sp => sp.GetRequiredService<TelegramBotPlatform>()));
        services.TryAddSingleton(sp => new TelegramBotMessenger(
            sp.GetRequiredService<TelegramBotApi>(),
            sp.GetRequiredService<TelegramBotRateLimiters>(),
            sp.GetRequiredService<IOptions<TelegramBotOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new TelegramBotSingleMessages(
            sp.GetRequiredService<TelegramBotMessenger>(),
            new TelegramBotCredentials(sp.GetRequiredService<ISecretStore>(), sp.GetRequiredService<IOptions<TelegramBotOptions>>().Value, sp.GetRequiredService<TimeProvider>())));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISingleMessagePlatform, TelegramBotSingleMessages>(sp => sp.GetRequiredService<TelegramBotSingleMessages>()));
        return services;
    }
}
