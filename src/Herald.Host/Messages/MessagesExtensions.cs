using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Herald.Host.Messages;

/// <summary>Registers the single-message API's services.</summary>
public static class MessagesExtensions
{
    /// <summary>
    /// Adds the message and idempotency-key stores (table-backed; needs storage and the engine, whose transactional
    /// lanes carry the messages), the purge of expired keys and lane rows, and binds <see cref="IdempotencyOptions"/> and
    /// <see cref="MessageOptions"/>.
    /// </summary>
    public static IServiceCollection AddHeraldMessages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IdempotencyOptions>().Bind(configuration.GetSection(IdempotencyOptions.SectionName))
            .Validate(o => o.Retention > TimeSpan.Zero && o.AbandonAfter > TimeSpan.Zero && o.PurgeInterval > TimeSpan.Zero, $"{IdempotencyOptions.SectionName}: Retention, AbandonAfter and PurgeInterval must be positive.")
            .ValidateOnStart();
        services.AddOptions<MessageOptions>().Bind(configuration.GetSection(MessageOptions.SectionName))
            .Validate(o => o.AnswerWithin >= TimeSpan.Zero && o.AnswerWithin <= TimeSpan.FromMinutes(4), $"{MessageOptions.SectionName}: AnswerWithin must be between 0 and 4 minutes.")
            .ValidateOnStart();
        services.TryAddSingleton<MessageStore>();
        services.TryAddSingleton<IdempotencyStore>();
        services.TryAddSingleton<MessageOperations>();
        services.AddHostedService<IdempotencyPurger>();
        return services;
    }
}
