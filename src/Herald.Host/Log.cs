using Herald.Host.Authentication;

namespace Herald.Host;

/// <summary>
/// Every log message of the host, with stable event ids. Placeholders never carry tokens, API keys, secrets,
/// phone numbers or message bodies.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Bearer token refused: {Failure} (alg {Algorithm})")]
    public static partial void JwtRejected(ILogger logger, JwtFailure failure, string? algorithm);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "API key refused")]
    public static partial void ApiKeyRejected(ILogger logger);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Fetched {KeyCount} RSA signing keys from {JwksUrl}")]
    public static partial void JwksFetched(ILogger logger, Uri jwksUrl, int keyCount);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Fetching signing keys from {JwksUrl} failed; keeping the last good keys")]
    public static partial void JwksFetchFailed(ILogger logger, Uri jwksUrl, Exception exception);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Created a development signing secret in {Path}")]
    public static partial void DevelopmentSecretCreated(ILogger logger, string path);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Stored secret {Reference} for tenant {TenantId}")]
    public static partial void SecretStored(ILogger logger, string tenantId, string reference);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Deleted secret {Reference}")]
    public static partial void SecretDeleted(ILogger logger, string reference);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "{Method} {Endpoint} answered 503: {Reason}")]
    public static partial void StorageUnavailable(ILogger logger, string method, string endpoint, string reason);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information,
        Message = "Audit: tenant {TenantId} actor {Actor} {Action} {ResourceType} {ResourceId}")]
    public static partial void AuditRecorded(ILogger logger, string tenantId, string actor, string action, string resourceType, string resourceId);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Starting development dependency {Name}")]
    public static partial void DevelopmentDependencyStarting(ILogger logger, string name);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Information, Message = "Stopping development dependency {Name}")]
    public static partial void DevelopmentDependencyStopping(ILogger logger, string name);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Information, Message = "Telegram Bot API simulator listening on {BaseUri}")]
    public static partial void SimulatorListening(ILogger logger, Uri baseUri);

    [LoggerMessage(EventId = 1501, Level = LogLevel.Warning, Message = "The engine's tables and queues could not be created yet; retrying in the background")]
    public static partial void EngineStorageNotCreated(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1601, Level = LogLevel.Information, Message = "Deleted {Count} expired idempotency keys")]
    public static partial void IdempotencyKeysPurged(ILogger logger, int count);

    [LoggerMessage(EventId = 1602, Level = LogLevel.Warning, Message = "Deleting expired idempotency keys failed; trying again at the next interval")]
    public static partial void IdempotencyPurgeFailed(ILogger logger, Exception exception);


    [LoggerMessage(EventId = 1702, Level = LogLevel.Error, Message = "Campaign {TenantId}/{CampaignId} cannot be prepared: its import is gone; cancelled")]
    public static partial void CampaignImportGone(ILogger logger, string tenantId, string campaignId);


    [LoggerMessage(EventId = 1704, Level = LogLevel.Information, Message = "Retention deleted {Count} ended campaigns with their recipients")]
    public static partial void CampaignsRetired(ILogger logger, int count);

    [LoggerMessage(EventId = 1705, Level = LogLevel.Warning, Message = "Deleting campaigns past their retention failed; trying again at the next interval")]
    public static partial void CampaignRetentionFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1801, Level = LogLevel.Information, Message = "Durable Task sidecar for task hub {TaskHub} listening on loopback port {Port} ({Partitions} partitions)")]
    public static partial void DurableSidecarListening(ILogger logger, string taskHub, int port, int partitions);

    [LoggerMessage(EventId = 1802, Level = LogLevel.Warning, Message = "Task hub {TaskHub} cannot be reached yet (attempt {Attempt}); trying again")]
    public static partial void DurableTaskHubUnavailable(ILogger logger, Exception exception, string taskHub, int attempt);

    [LoggerMessage(EventId = 1803, Level = LogLevel.Information, Message = "Durable Task sidecar for task hub {TaskHub} stopped")]
    public static partial void DurableSidecarStopped(ILogger logger, string taskHub);
}
