using Herald.Host.Alerts;

namespace Herald.Host;

// The operator alerts' log messages (event ids 19xx), beside the feature they belong to.
internal static partial class Log
{
    [LoggerMessage(EventId = 1901, Level = LogLevel.Information, Message = "Alert {Kind} sent for tenant {TenantId} subject {SubjectId}")]
    public static partial void AlertSent(ILogger logger, AlertKind kind, string tenantId, string subjectId);

    [LoggerMessage(EventId = 1902, Level = LogLevel.Warning, Message = "Alert {Kind} was not sent (status {Status}); the next look tries again")]
    public static partial void AlertRefused(ILogger logger, AlertKind kind, int status);

    [LoggerMessage(EventId = 1903, Level = LogLevel.Warning, Message = "Looking for alerts failed; trying again at the next interval")]
    public static partial void AlertCheckFailed(ILogger logger, Exception exception);
}
