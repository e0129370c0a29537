using Telegram.Bot.Requests;
using Telegram.Bot.Requests.Abstractions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

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
    private readonly TelegramBotApi _api;
    private readonly TelegramBotRateLimiters _limiters;
    private readonly TelegramBotOptions _options;
    private readonly TimeProvider _time;

    internal TelegramBotMessenger(TelegramBotApi api, TelegramBotRateLimiters limiters, TelegramBotOptions options, TimeProvider timeProvider)
    {
        _api = api;
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
    /// <param name="token">The sending bot.</param>
    /// <param name="chat">The user (who must have started the bot), group or channel.</param>
    /// <param name="text">1–4096 characters.</param>
    /// <param name="parseMode">How Telegram formats the text (default: plain text).</param>
    /// <param name="inlineKeyboard">Buttons under the message.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<TelegramResult<Message>> SendMessageAsync(
        TelegramBotToken token,
        TelegramChatId chat,
        string text,
        ParseMode parseMode = ParseMode.None,
        InlineKeyboardMarkup? inlineKeyboard = null,
        CancellationToken cancellationToken = default) =>
        PacedAsync(token, chat, new SendMessageRequest { ChatId = chat.ToChatId(), Text = text, ParseMode = parseMode, ReplyMarkup = inlineKeyboard }, cancellationToken);

    /// <summary><c>editMessageText</c> through the bot's limiter: replaces the text (and keyboard) of a message the bot sent.</summary>
    public Task<TelegramResult<Message>> EditMessageTextAsync(
        TelegramBotToken token,
        TelegramChatId chat,
        long messageId,
        string text,
        ParseMode parseMode = ParseMode.None,
        InlineKeyboardMarkup? inlineKeyboard = null,
        CancellationToken cancellationToken = default) =>
        PacedAsync(token, chat, new EditMessageTextRequest { ChatId = chat.ToChatId(), MessageId = checked((int)messageId), Text = text, ParseMode = parseMode, ReplyMarkup = inlineKeyboard }, cancellationToken);

    /// <summary><c>deleteMessage</c> through the bot's limiter; the result is Telegram's <c>true</c>.</summary>
    public Task<TelegramResult<bool>> DeleteMessageAsync(TelegramBotToken token, TelegramChatId chat, long messageId, CancellationToken cancellationToken = default) =>
        PacedAsync(token, chat, new DeleteMessageRequest { ChatId = chat.ToChatId(), MessageId = checked((int)messageId) }, cancellationToken);

    private async Task<TelegramResult<T>> PacedAsync<T>(
        TelegramBotToken token,
        TelegramChatId chat,
        IRequest<T> request,
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

        await limiter.WaitAsync(chat, cancellationToken: cancellationToken);
        var result = await _api.SendAsync(token, request, cancellationToken);
        if (result.Error is { IsRateLimited: true } error)
        {
            limiter.ReportRateLimited(chat, error.RetryAfter ?? _options.DefaultRetryAfter);
        }

        return result;
    }
}
