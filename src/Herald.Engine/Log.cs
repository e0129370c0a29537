using Microsoft.Extensions.Logging;

namespace Herald.Engine;

/// <summary>The engine's log messages. Placeholders carry ids and codes, never tokens, recipients or texts.</summary>
internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Debug, "Stale tick {TickId} of account {TenantId}/{AccountId} dropped")]
    public static partial void StaleTick(ILogger logger, string tenantId, string accountId, string tickId);

    [LoggerMessage(1001, LogLevel.Debug, "Account {TenantId}/{AccountId} is held by another attempt until {Until}")]
    public static partial void AccountBusy(ILogger logger, string tenantId, string accountId, DateTimeOffset until);

    [LoggerMessage(1002, LogLevel.Information, "Account {TenantId}/{AccountId} recovered dead attempts {Attempts}: {Counted} finished targets counted, {Resolved} in-flight targets resolved as {Resolution}")]
    public static partial void Recovered(ILogger logger, string tenantId, string accountId, string attempts, int counted, int resolved, string resolution);

    [LoggerMessage(1003, LogLevel.Warning, "Attempt {Attempt} of account {TenantId}/{AccountId} was fenced off (its lease was taken over); its results are left to recovery")]
    public static partial void Fenced(ILogger logger, string tenantId, string accountId, string attempt);

    [LoggerMessage(1004, LogLevel.Debug, "Account {TenantId}/{AccountId} acted on {Count} targets of campaign {CampaignId}; next tick at {NextAt}")]
    public static partial void Acted(ILogger logger, string tenantId, string accountId, int count, string campaignId, DateTimeOffset? nextAt);

    [LoggerMessage(1005, LogLevel.Warning, "Account {TenantId}/{AccountId} is blocked by the platform: {Reason}")]
    public static partial void AccountBlocked(ILogger logger, string tenantId, string accountId, string reason);

    [LoggerMessage(1006, LogLevel.Information, "Account {TenantId}/{AccountId} rate-limited for {RetryAfter}")]
    public static partial void RateLimited(ILogger logger, string tenantId, string accountId, TimeSpan retryAfter);

    [LoggerMessage(1007, LogLevel.Information, "Campaign {TenantId}/{CampaignId} is {Status}")]
    public static partial void CampaignStatusChanged(ILogger logger, string tenantId, string campaignId, string status);

    [LoggerMessage(1009, LogLevel.Error, "Message {MessageId} of queue {Queue} parked as poison after {DequeueCount} deliveries")]
    public static partial void Poisoned(ILogger logger, string messageId, string queue, long dequeueCount);

    [LoggerMessage(1010, LogLevel.Information, "Sweeper re-armed overdue account {TenantId}/{AccountId}")]
    public static partial void Rearmed(ILogger logger, string tenantId, string accountId);

    [LoggerMessage(1011, LogLevel.Warning, "Platform call of account {TenantId}/{AccountId} threw; counted as transient")]
    public static partial void PlatformThrew(ILogger logger, Exception exception, string tenantId, string accountId);

    [LoggerMessage(1012, LogLevel.Error, "Worker loop of queue {Queue} failed; retrying")]
    public static partial void WorkerLoopFailed(ILogger logger, Exception exception, string queue);

    [LoggerMessage(1014, LogLevel.Error, "Message {MessageId} of queue {Queue} failed; it will be delivered again")]
    public static partial void MessageFailed(ILogger logger, Exception exception, string queue, string messageId);

    [LoggerMessage(1015, LogLevel.Information, "Scheduled campaign {TenantId}/{CampaignId} started")]
    public static partial void ScheduledStarted(ILogger logger, string tenantId, string campaignId);

    [LoggerMessage(1013, LogLevel.Warning, "No platform adapter serves {Platform} {Kind} accounts; account {TenantId}/{AccountId} cannot act")]
    public static partial void NoAdapter(ILogger logger, string platform, string kind, string tenantId, string accountId);

    [LoggerMessage(1016, LogLevel.Information, "Campaign {TenantId}/{CampaignId} is preparing {Total} targets")]
    public static partial void CampaignPreparing(ILogger logger, string tenantId, string campaignId, int total);

    [LoggerMessage(1017, LogLevel.Information, "Worker {Worker} took account {TenantId}/{AccountId} (attempt {Attempt}, lease until {Until})")]
    public static partial void LeaseTaken(ILogger logger, string worker, string tenantId, string accountId, string attempt, DateTimeOffset until);

    [LoggerMessage(1018, LogLevel.Debug, "Account {TenantId}/{AccountId}: attempt {Attempt} renewed its lease until {Until}")]
    public static partial void LeaseRenewed(ILogger logger, string tenantId, string accountId, string attempt, DateTimeOffset until);

    [LoggerMessage(1019, LogLevel.Information, "Worker {Worker} handed back account {TenantId}/{AccountId} (attempt {Attempt}); next tick at {NextAt}")]
    public static partial void LeaseReleased(ILogger logger, string worker, string tenantId, string accountId, string attempt, DateTimeOffset? nextAt);

    [LoggerMessage(1020, LogLevel.Warning, "Account {TenantId}/{AccountId}: attempt {Attempt} lost its lease to another attempt; it stops")]
    public static partial void LeaseLost(ILogger logger, string tenantId, string accountId, string attempt);

    [LoggerMessage(1021, LogLevel.Warning, "Account {TenantId}/{AccountId}: attempt {Attempt} could not renew its lease ({Error}); it stops unless a renewal succeeds in time")]
    public static partial void LeaseRenewalFailed(ILogger logger, string error, string tenantId, string accountId, string attempt);

    [LoggerMessage(1030, LogLevel.Information, "Campaign {TenantId}/{CampaignId}: orchestration {InstanceId} started")]
    public static partial void OrchestrationStarted(ILogger logger, string tenantId, string campaignId, string instanceId);

    [LoggerMessage(1031, LogLevel.Warning, "Campaign {TenantId}/{CampaignId}: signal {Signal} did not reach its orchestration (its periodic look finds the change)")]
    public static partial void SignalFailed(ILogger logger, Exception exception, string tenantId, string campaignId, string signal);

    [LoggerMessage(1032, LogLevel.Information, "Campaign {TenantId}/{CampaignId}: prepared chunk at {Offset} ({Count} targets)")]
    public static partial void ChunkPrepared(ILogger logger, string tenantId, string campaignId, int offset, int count);

    [LoggerMessage(1033, LogLevel.Warning, "Campaign {TenantId}/{CampaignId}: its recipients cannot be read any more (the import is gone); it is cancelled")]
    public static partial void PrepareSourceGone(ILogger logger, string tenantId, string campaignId);

    [LoggerMessage(1034, LogLevel.Error, "Campaign {TenantId}/{CampaignId}: its orchestration failed: {Error}")]
    public static partial void OrchestrationFailed(ILogger logger, string tenantId, string campaignId, string error);

    [LoggerMessage(1035, LogLevel.Warning, "Campaign {TenantId}/{CampaignId} was deleted but its orchestration's history could not be purged")]
    public static partial void PurgeFailed(ILogger logger, Exception exception, string tenantId, string campaignId);

    [LoggerMessage(1036, LogLevel.Error, "Campaign {TenantId}/{CampaignId}: its orchestration could not be started (task hub unreachable); its scheduled start and summary wait for an operator")]
    public static partial void OrchestrationNotStarted(ILogger logger, Exception exception, string tenantId, string campaignId);

    [LoggerMessage(1037, LogLevel.Warning, "Account {TenantId}/{AccountId} leaves campaign {CampaignId}: {Reason} (it goes on with its other campaigns)")]
    public static partial void LeftCampaign(ILogger logger, string tenantId, string accountId, string campaignId, string reason);

    [LoggerMessage(1099, LogLevel.Warning, "Account {TenantId}/{AccountId} paused campaign {CampaignId}: {Reason} (an operator resumes it)")]
    public static partial void CampaignPausedFor(ILogger logger, string tenantId, string accountId, string campaignId, string reason);

    [LoggerMessage(1038, LogLevel.Warning, "Campaign {TenantId}/{CampaignId}: the admin-rights check of account {AccountId} failed ({Problem}); it is not excluded, its actions decide")]
    public static partial void RightsCheckFailed(ILogger logger, string tenantId, string campaignId, string accountId, string problem);

    [LoggerMessage(1039, LogLevel.Information, "Campaign {TenantId}/{CampaignId}: admin rights checked for {Checked} accounts, {Excluded} excluded")]
    public static partial void RightsChecked(ILogger logger, string tenantId, string campaignId, int @checked, int excluded);
    [LoggerMessage(1040, LogLevel.Warning, "Campaign {TenantId}/{CampaignId} had no orchestration (its start was lost); it is scheduled now")]
    public static partial void OrchestrationReconciled(ILogger logger, string tenantId, string campaignId);
}
