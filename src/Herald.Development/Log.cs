using Microsoft.Extensions.Logging;

namespace Herald.Development;

/// <summary>Log messages of Herald.Development (event ids 1100–1199).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Starting Azurite from {Script} (attempt {Attempt})")]
    public static partial void AzuriteStarting(ILogger logger, string script, int attempt);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Azurite listening: blob {BlobPort}, queue {QueuePort}, table {TablePort} (pid {Pid}, {ElapsedMs} ms)")]
    public static partial void AzuriteStarted(ILogger logger, int blobPort, int queuePort, int tablePort, int pid, long elapsedMs);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Azurite failed to start (attempt {Attempt})")]
    public static partial void AzuriteStartFailed(ILogger logger, Exception exception, int attempt);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Stopping Azurite (pid {Pid})")]
    public static partial void AzuriteStopping(ILogger logger, int pid);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "Azurite (pid {Pid}) ignored SIGTERM for {GraceMs} ms; killing its process tree")]
    public static partial void AzuriteKilled(ILogger logger, int pid, long graceMs);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Debug, Message = "azurite: {Line}")]
    public static partial void AzuriteOutput(ILogger logger, string line);
}
