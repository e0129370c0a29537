using Microsoft.Extensions.Logging;

namespace Herald.Platforms;

/// <summary>
/// Herald.Platforms' log messages; this part holds the e-mail ones (event ids 1300–1399). Placeholders carry account
/// ids and reply codes, never addresses, passwords or message texts.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1301, LogLevel.Information, "E-mail account {AccountId} reached its cap of {Cap} messages per 24 h")]
    public static partial void EmailCapReached(ILogger logger, string accountId, int cap);

    [LoggerMessage(1302, LogLevel.Debug, "E-mail account {AccountId}: SMTP answered {Code}")]
    public static partial void SmtpRefused(ILogger logger, string accountId, int code);

    [LoggerMessage(1303, LogLevel.Warning, "E-mail account {AccountId} stops: {Reason}")]
    public static partial void EmailAccountStopped(ILogger logger, string accountId, string reason);
}
