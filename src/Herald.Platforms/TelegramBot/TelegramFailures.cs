using Telegram.Bot.Exceptions;

namespace Herald.Platforms.TelegramBot;

/// <summary>
/// Turns Telegram.Bot's exceptions into <see cref="TelegramApiError"/> values. Only Telegram's own <c>description</c>
/// is kept, with the token scrubbed from it; Telegram.Bot's other messages (which quote inner exceptions, and could
/// quote a request URI, which holds the token) are replaced by Herald's own words.
/// </summary>
internal static class TelegramFailures
{
    public static TelegramApiError From(RequestException exception, TelegramBotToken token) => exception switch
    {
        ApiRequestException api => new TelegramApiError(
            TelegramErrorSource.Api,
            api.ErrorCode,
            Scrub(api.Message, token),
            api.Parameters?.RetryAfter is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            api.Parameters?.MigrateToChatId),
        { InnerException: OperationCanceledException } => new TelegramApiError(TelegramErrorSource.Timeout, 0, "No answer within the request timeout."),
        { HttpStatusCode: { } status } => new TelegramApiError(TelegramErrorSource.Protocol, (int)status, $"Not a Bot API answer (HTTP {(int)status})."),
        _ => new TelegramApiError(TelegramErrorSource.Network, 0, $"Network error: {HttpError(exception)}."),
    };

    /// <summary>What went wrong on the way, when the request failed before any answer.</summary>
    public static HttpRequestError HttpError(RequestException exception) =>
        exception.InnerException is HttpRequestException http ? http.HttpRequestError : HttpRequestError.Unknown;

    /// <summary>The text without the token or its secret part (what follows the bot id).</summary>
    public static string Scrub(string text, TelegramBotToken token)
    {
        var secret = token.Value[(token.Value.IndexOf(':', StringComparison.Ordinal) + 1)..];
        return text.Replace(token.Value, token.ToString(), StringComparison.Ordinal).Replace(secret, "***", StringComparison.Ordinal);
    }
}
