using Herald.Engine.Campaigns;
using Herald.Engine.Model;
using Herald.Engine.Persistence;
using Herald.Engine.Ticks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Herald.Engine.Workers;

/// <summary>
/// The engine's liveness: re-arms accounts whose tick is overdue (a crash between writing the row
/// and putting the message), starts scheduled campaigns whose start message was lost, and asks
/// running campaigns with no pending work whether they are complete.
/// </summary>
public sealed class Sweeper(
    AccountStore accounts,
    CampaignStore campaigns,
    CampaignService campaignService,
    CampaignCompletion completion,
    TickScheduler scheduler,
    EngineOptions options,
    TimeProvider time,
    ILogger<Sweeper> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
                await Task.Delay(options.SweepInterval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                Log.WorkerLoopFailed(logger, e, "sweeper");
                await Task.Delay(options.SweepInterval, time, stoppingToken);
            }
        }
    }

    /// <summary>One sweep.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        foreach (var row in await accounts.ListOverdueAsync(now - options.OverdueAfter, cancellationToken))
        {
            if (row.TickId is null || (row.LeaseId is not null && row.LeaseUntil > now))
            {
                continue;
            }

            row.TickId = EngineKeys.NewId();
            row.NextTickAt = now;
            if (await accounts.TryReplaceAsync(row, cancellationToken))
            {
                await scheduler.ScheduleAsync(row.TenantId, row.AccountId, row.TickId, now, cancellationToken);
                Log.Rearmed(logger, row.TenantId, row.AccountId);
            }
        }

        foreach (var campaign in await campaigns.ListDueScheduledAsync(now, cancellationToken))
        {
            await campaignService.StartWhenDueAsync(new ControlMessage(campaign.TenantId, campaign.Id, now), cancellationToken);
        }

        foreach (var campaign in await campaigns.ListRunningExhaustedAsync(cancellationToken))
        {
            await completion.TryCompleteAsync(campaign, cancellationToken);
        }
    }
}
