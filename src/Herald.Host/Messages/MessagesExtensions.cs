using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Herald.Host.Messages;

/// <summary>Registers the single-message API's services.</summary>
public static class MessagesExtensions
{
    /// <summary>
    /// Adds the message and idempotency-key stores (table-backed; needs storage), the purge of expired keys, and binds
    /// <see cref="IdempotencyOptions"/>.
    /// </summary>
    public static IServiceCollection AddHeraldMessages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IdempotencyOptions>().Bind(configuration.GetSection(IdempotencyOptions.SectionName))
            .Validate(o => o.Retention > TimeSpan.Zero && o.AbandonAfter > TimeSpan.Zero && o.PurgeInterval > TimeSpan.Zero, $"{IdempotencyOptions.SectionName}: Retention, AbandonAfter and PurgeInterval must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton<MessageStore>();
        services.TryAddSingleton<IdempotencyStore>();
        services.TryAddSingleton<MessageOperations>();
        services.AddHostedService<IdempotencyPurger>();
        return services;
    }
}
