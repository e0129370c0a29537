namespace Herald.Platforms.TelegramBot;

/// <summary>
/// Single transactional bot messages (R14): send, edit and delete one message, paced by the same per-bot limiter
/// (<see cref="TelegramBotRateLimiters"/>) that paces this process's broadcast sends, so a transactional message takes
/// the next free slot of its bot and chat — it waits behind at most the sends already reserved, never behind a
/// broadcast's backlog, and it never lets the bot exceed Telegram's limits. A 429 is reported to the limiter (the
/// chat, or after a flood the whole bot, pauses for broadcasts too) and returned, not retried: the caller decides.
/// The limiter lives in this process only: sends from another process do not share it.
/// </summary>
public sealed class TelegramBotMessenger
{
    private readonly Func<TelegramBotClient> _clients;
    private readonly TelegramBotRateLimiters _limiters;
    private readonly TelegramBotOptions _options;
    private readonly TimeProvider _time;

    internal TelegramBotMessenger(Func<TelegramBotClient> clients, TelegramBotRateLimiters limiters, TelegramBotOptions options, TimeProvider timeProvider)
    {
        _clients = clients;
        _limiters = limiters;
        _options = options;
        _time = timeProvider;
    }

    /// <summary>
    /// The longest a call waits for its bot when the whole bot is paused after a flood; a longer pause answers a
    /// 429 at once (with the time left as <c>retry_after</c>) without calling Telegram. 5 seconds.
    /// </summary>
    public static TimeSpan MaxPauseWait { get; } = TimeSpan.FromSeconds(5);

    /// <summary><c>sendMessage</c> through the bot's limiter.</summary>
    public Task<TelegramResult<TelegramMessage>> SendMessageAsync(
        TelegramBotToken token,
        TelegramChatId chat,
        string text,
        string? parseMode = null,
        IReadOnlyList<IReadOnlyList<TelegramInlineKeyboardButton>>? inlineKeyboard = null,
        CancellationToken cancellationToken = default) =>
        PacedAsync(token, chat, client => client.SendMessageAsync(token, chat, text, parseMode, inlineKeyboard, cancellationToken), cancellationToken);

    /// <summary><c>editMessageText</c> through the bot's limiter.</summary>
    public Task<TelegramResult<TelegramMessage>> EditMessageTextAsync(
        TelegramBotToken token,
        TelegramChatId chat,
        long messageId,
        string text,
        string? parseMode = null,
        IReadOnlyList<IReadOnlyList<TelegramInlineKeyboardButton>>? inlineKeyboard = null,
        CancellationToken cancellationToken = default) =>
        PacedAsync(token, chat, client => client.EditMessageTextAsync(token, chat, messageId, text, parseMode, inlineKeyboard, cancellationToken), cancellationToken);

    /// <summary><c>deleteMessage</c> through the bot's limiter.</summary>
    public Task<TelegramResult<bool>> DeleteMessageAsync(TelegramBotToken token, TelegramChatId chat, long messageId, CancellationToken cancellationToken = default) =>
        PacedAsync(token, chat, client => client.DeleteMessageAsync(token, chat, messageId, cancellationToken), cancellationToken);

    private async Task<TelegramResult<T>> PacedAsync<T>(
        TelegramBotToken token,
        TelegramChatId chat,
        Func<TelegramBotClient, Task<TelegramResult<T>>> call,
        CancellationToken cancellationToken)
    {
        var limiter = _limiters.For(token);
        var paused = limiter.PausedUntil - _time.GetUtcNow();
        if (paused > MaxPauseWait)
        {
            var seconds = (int)Math.Ceiling(paused.TotalSeconds);
            return TelegramResult<T>.Failure(new TelegramApiError(
                TelegramErrorSource.Api, 429, $"Too Many Requests: the bot is paused, retry after {seconds}", TimeSpan.FromSeconds(seconds)));
        }

        await limiter.WaitAsync(chat, cancellationToken);
        var result = await call(_clients());
        if (result.Error is { IsRateLimited: true } error)
        {
            limiter.ReportRateLimited(chat, error.RetryAfter ?? _options.DefaultRetryAfter);
        }

        return result;
    }
}
