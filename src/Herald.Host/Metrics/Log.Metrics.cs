namespace Herald.Host;

// The metrics' log messages (event ids 18xx), beside the feature they belong to.
internal static partial class Log
{
    [LoggerMessage(EventId = 1851, Level = LogLevel.Warning, Message = "Reading the campaign gauges failed ({Error}); the scrape answers the last values")]
    public static partial void GaugesFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 1852, Level = LogLevel.Warning, Message = "A metrics scrape was refused: no or a wrong bearer token")]
    public static partial void MetricsScrapeRefused(ILogger logger);
}
