using Herald.Platforms.WhatsAppCloud;
using Microsoft.Extensions.Logging;

namespace Herald.Platforms;

/// <summary>
/// Herald.Platforms' log messages; this part holds the WhatsApp Cloud API ones (event ids 1200–1299).
/// Placeholders carry phone-number ids (the business's own) and codes, never tokens, recipients or texts.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1251, LogLevel.Debug, "WhatsApp number {PhoneNumberId} refused: HTTP {HttpStatus}, code {Code}/{Subcode}")]
    public static partial void CloudApiRefused(ILogger logger, string phoneNumberId, int httpStatus, int code, int subcode);

    [LoggerMessage(1252, LogLevel.Warning, "WhatsApp number {PhoneNumberId} got no answer: {Source} ({HttpRequestError})")]
    public static partial void CloudApiNoAnswer(ILogger logger, string phoneNumberId, WhatsAppErrorSource source, HttpRequestError httpRequestError);

    [LoggerMessage(1253, LogLevel.Warning, "WhatsApp account {AccountId} stops: {Reason}")]
    public static partial void WhatsAppAccountStopped(ILogger logger, string accountId, string reason);

    [LoggerMessage(1204, LogLevel.Information, "WhatsApp number {PhoneNumberId} rate limited ({Reason}); it waits {RetryAfter}")]
    public static partial void WhatsAppRateLimited(ILogger logger, string phoneNumberId, string reason, TimeSpan retryAfter);
}
