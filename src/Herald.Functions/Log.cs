using Microsoft.Extensions.Logging;

namespace Herald.Functions;

/// <summary>The Functions worker's log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Tick message {MessageId} failed its delivery {DequeueCount}, the last one: parked in the poison queue")]
    public static partial void TickPoisoned(ILogger logger, Exception exception, string messageId, long dequeueCount);
}
