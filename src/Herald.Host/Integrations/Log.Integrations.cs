using Herald.Host.Integrations;

namespace Herald.Host;

// The neighbouring services' log messages (event ids 23xx): service names, counts and reason codes only, never a key.
internal static partial class Log
{
    [LoggerMessage(EventId = 2301, Level = LogLevel.Warning, Message = "The key of {Service} is not in the secret store")]
    public static partial void ServiceKeyMissing(ILogger logger, string service);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Warning, Message = "{Service} gave no usable answer ({What} {Status})")]
    public static partial void ServiceUnavailable(ILogger logger, string service, string what, int? status);

    [LoggerMessage(EventId = 2303, Level = LogLevel.Information, Message = "Accounts of tenant {TenantId} imported from integration-service: {Imported} new, {Existing} known, {Skipped} skipped")]
    public static partial void AccountsImported(ILogger logger, string tenantId, int imported, int existing, int skipped);

    [LoggerMessage(EventId = 2304, Level = LogLevel.Information, Message = "Blocked account {AccountId} of tenant {TenantId} reported to integration-service ({Reason})")]
    public static partial void BanReported(ILogger logger, string tenantId, string accountId, string reason);

    [LoggerMessage(EventId = 2305, Level = LogLevel.Warning, Message = "Blocked account {AccountId} of tenant {TenantId} could not be reported ({Kind}); the next look tries again")]
    public static partial void BanNotReported(ILogger logger, string tenantId, string accountId, ServiceFailureKind kind);

    [LoggerMessage(EventId = 2306, Level = LogLevel.Warning, Message = "Looking for blocked accounts to report failed; trying again at the next interval")]
    public static partial void BanCheckFailed(ILogger logger, Exception exception);
}
