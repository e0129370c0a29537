namespace Herald.Simulator;

/// <summary>The simulator's log messages (event ids 9000–9099). Never tokens or message texts.</summary>
internal static partial class Log
{
    [LoggerMessage(9001, LogLevel.Information, "Simulator listening on {BaseUri}")]
    public static partial void Listening(ILogger logger, Uri baseUri);

    [LoggerMessage(9002, LogLevel.Debug, "Bot {BotId} {Method} answered {Status}")]
    public static partial void Answered(ILogger logger, long botId, string method, int status);

    [LoggerMessage(9003, LogLevel.Debug, "WhatsApp webhook answered {Status}")]
    public static partial void WebhookAnswered(ILogger logger, int status);
}
