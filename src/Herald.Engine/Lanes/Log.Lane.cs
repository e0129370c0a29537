using Microsoft.Extensions.Logging;

namespace Herald.Engine;

// The transactional lane's log messages (ids and counts only: never chats or texts).
internal static partial class Log
{
    [LoggerMessage(1200, LogLevel.Debug, "Account {TenantId}/{AccountId} sent {Count} single messages of its transactional lane")]
    public static partial void LaneDrained(ILogger logger, string tenantId, string accountId, int count);

    [LoggerMessage(1201, LogLevel.Information, "Account {TenantId}/{AccountId} resolved {Count} single messages of dead attempts ({Unknown} unknown, the rest pending again)")]
    public static partial void LaneRecovered(ILogger logger, string tenantId, string accountId, int count, int unknown);

    [LoggerMessage(1202, LogLevel.Warning, "The single-message platform threw for account {TenantId}/{AccountId}")]
    public static partial void LaneThrew(ILogger logger, Exception exception, string tenantId, string accountId);
}
