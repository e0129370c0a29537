using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Herald.Platforms.TelegramBot;

/// <summary>One <see cref="TelegramBotRateLimiter"/> per bot id, for the life of the process.</summary>
internal sealed class TelegramBotRateLimiters(IOptions<TelegramBotOptions> options, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<long, TelegramBotRateLimiter> _limiters = new();

    public TelegramBotRateLimiter For(TelegramBotToken token) =>
        _limiters.GetOrAdd(token.BotId, static (_, state) => new TelegramBotRateLimiter(state.options.Value, state.timeProvider), (options, timeProvider));
}
