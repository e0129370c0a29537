namespace Herald.Platforms.TelegramBot;

/// <summary>Where a failed Bot API call failed.</summary>
public enum TelegramErrorSource
{
    /// <summary>Telegram answered with <c>ok: false</c> (or an HTTP error status).</summary>
    Api,

    /// <summary>No answer: the connection failed or broke.</summary>
    Network,

    /// <summary>No answer within <see cref="TelegramBotOptions.RequestTimeout"/>.</summary>
    Timeout,

    /// <summary>An answer that is not the Bot API's JSON.</summary>
    Protocol,
}

/// <summary>
/// A failed Bot API call as a value: Telegram's <c>error_code</c>, <c>description</c> and
/// <c>parameters</c>, or what went wrong before Telegram could answer. Never carries the token.
/// </summary>
/// <param name="Source">Whether Telegram answered, and if not, why.</param>
/// <param name="ErrorCode">Telegram's <c>error_code</c> (an HTTP status: 400, 401, 403, 429, 5xx…); the HTTP status for a <see cref="TelegramErrorSource.Protocol"/> failure; 0 when there was no answer.</param>
/// <param name="Description">Telegram's <c>description</c> (e.g. <c>Forbidden: bot was blocked by the user</c>), or what happened.</param>
/// <param name="RetryAfter"><c>parameters.retry_after</c> of a 429.</param>
/// <param name="MigrateToChatId"><c>parameters.migrate_to_chat_id</c> when a group became a supergroup.</param>
public sealed record TelegramApiError(
    TelegramErrorSource Source,
    int ErrorCode,
    string Description,
    TimeSpan? RetryAfter = null,
    long? MigrateToChatId = null)
{
    /// <summary>True for a 429 (flood control).</summary>
    public bool IsRateLimited => Source == TelegramErrorSource.Api && ErrorCode == 429;
}
