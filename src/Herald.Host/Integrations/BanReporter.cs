using Azure.Data.Tables;
using Herald.Engine.Model;
using Herald.Engine.Persistence;
using Herald.Platforms.TelegramUser;
using Microsoft.Extensions.Options;

namespace Herald.Host.Integrations;

/// <summary>
/// Tells integration-service about banned accounts (R8, R19): every <see cref="IntegrationsOptions.BanReportInterval"/> it
/// looks at the accounts the engine recorded blocked for a ban (<c>AUTH_KEY_UNREGISTERED</c>, <c>USER_DEACTIVATED</c>,
/// <c>SESSION_REVOKED</c>, <c>AUTH_KEY_DUPLICATED</c>) and reports each block once (<c>POST /accounts/check</c>); a report
/// that fails is tried again at the next look. It reads what the actors wrote and changes nothing in the engine, so a
/// block recorded by a host that died before it could tell anyone is still reported. Two hosts looking at once may both
/// report the same block: the report is a status update, so repeating it is harmless.
/// </summary>
public sealed class BanReporter(
    EngineStorage storage, IServiceProvider services, IntegrationLinks links, IOptions<IntegrationsOptions> options, TimeProvider time,
    ILogger<BanReporter> logger) : BackgroundService
{
    /// <summary>The block reasons integration-service hears about: the account itself is gone or its session is.</summary>
    public static readonly IReadOnlySet<string> Reported = new HashSet<string>(StringComparer.Ordinal)
    {
        TelegramUserReasons.AuthKeyUnregistered,
        TelegramUserReasons.AccountDeactivated,
        TelegramUserReasons.SessionRevoked,
        TelegramUserReasons.AuthKeyDuplicated,
    };

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.BanReportInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException or TimeoutException or HttpRequestException)
            {
                Log.BanCheckFailed(logger, ex);
            }
        }
    }

    /// <summary>One look: reports the blocks not reported yet; returns how many were reported.</summary>
    public async Task<int> CheckAsync(CancellationToken cancellationToken = default)
    {
        // A typed client per look, so its handler follows the client factory's rotation.
        var integration = services.GetRequiredService<IntegrationServiceClient>();
        var reported = 0;
        await foreach (var e in storage.Accounts.QueryAsync<TableEntity>(AccountStore.AccountRowsFilter, cancellationToken: cancellationToken))
        {
            var row = AccountRecord.FromEntity(e);
            if (row.State.BlockedReason is not { } reason || !Reported.Contains(reason) || row.State.BlockedAt is not { } blockedAt)
            {
                continue;
            }

            var link = await links.GetAsync(row.TenantId, row.AccountId, cancellationToken);
            if (link?.ReportedBlockedAt == blockedAt)
            {
                continue;
            }

            var report = new BanReport(row.TenantId, link?.ExternalId, row.AccountId, row.Platform.ToString().ToLowerInvariant(), "banned", reason, blockedAt);
            if (await integration.ReportBanAsync(report, cancellationToken) is { } failure)
            {
                Log.BanNotReported(logger, row.TenantId, row.AccountId, failure.Kind);
                continue;
            }

            await links.MarkReportedAsync(row.TenantId, row.AccountId, blockedAt, cancellationToken);
            Log.BanReported(logger, row.TenantId, row.AccountId, reason);
            reported++;
        }

        return reported;
    }
}
