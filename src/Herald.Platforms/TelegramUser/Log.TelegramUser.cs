using Microsoft.Extensions.Logging;

namespace Herald.Platforms;

// Telegram user accounts through TDLib (event ids 1200–1299): account ids and reason codes, never phones, names or texts.
internal static partial class Log
{
    [LoggerMessage(1201, LogLevel.Warning, "Telegram user account {AccountId} cannot act: {Reason}")]
    public static partial void UserAccountUnusable(ILogger logger, string accountId, string reason);

    [LoggerMessage(1202, LogLevel.Information, "Telegram user account {AccountId} told to wait {RetryAfter}")]
    public static partial void UserAccountWaits(ILogger logger, string accountId, TimeSpan retryAfter);

    [LoggerMessage(1203, LogLevel.Warning, "Telegram user account {AccountId}: its session was closed but not stored ({Error}); the stored copy stays")]
    public static partial void SessionNotStored(ILogger logger, string accountId, string error);
}
