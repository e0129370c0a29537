using Herald.Platforms.TelegramBot;
using Microsoft.Extensions.Logging;

namespace Herald.Platforms;

/// <summary>
/// Herald.Platforms' log messages; this part holds the Telegram Bot API ones (event ids 1100–1199).
/// Placeholders carry bot ids (public) and codes, never tokens, chat ids or message texts.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1101, LogLevel.Debug, "Bot {BotId} {Method} refused: {Source} {ErrorCode}")]
    public static partial void BotApiRefused(ILogger logger, long botId, string method, TelegramErrorSource source, int errorCode);

    [LoggerMessage(1102, LogLevel.Warning, "Bot {BotId} {Method} got no answer: {Source} ({HttpRequestError})")]
    public static partial void BotApiNoAnswer(ILogger logger, long botId, string method, TelegramErrorSource source, HttpRequestError httpRequestError);

    [LoggerMessage(1103, LogLevel.Information, "Bot {BotId} rate limited for one chat; that chat waits {RetryAfter}")]
    public static partial void ChatRateLimited(ILogger logger, long botId, TimeSpan retryAfter);

    [LoggerMessage(1104, LogLevel.Warning, "Bot {BotId} flood-limited across chats; the bot pauses {RetryAfter}")]
    public static partial void BotFloodPaused(ILogger logger, long botId, TimeSpan retryAfter);

    [LoggerMessage(1105, LogLevel.Warning, "Telegram bot account {AccountId} cannot act: {Reason}")]
    public static partial void BotAccountUnusable(ILogger logger, string accountId, string reason);

    [LoggerMessage(1106, LogLevel.Warning, "Bot {BotId}'s Stars balance cannot pay for a paid broadcast; its campaign pauses")]
    public static partial void StarsBalanceSpent(ILogger logger, long botId);
}
