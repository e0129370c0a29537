using Herald.Engine.Campaigns;
using Herald.Engine.Model;
using Herald.Engine.Persistence;
using Herald.Engine.Ticks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Herald.Engine.Workers;

/// <summary>
/// The actors' liveness: re-arms accounts whose tick is overdue (a crash between writing the row
/// and putting the message), and repairs drained running campaigns (a shard whose target went back to pending after it
/// was found empty is opened again, an orphaned target resolved) or completes them, which tells their orchestration.
/// Scheduled starts belong to each campaign's orchestration; its own look (every <c>Herald:Durable:LookEvery</c>) is
/// too rare for this repair, which the actors need within seconds.
/// </summary>
public sealed class Sweeper(
    AccountStore accounts,
    CampaignStore campaigns,
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

        foreach (var campaign in await campaigns.ListRunningExhaustedAsync(cancellationToken))
        {
            await completion.TryCompleteAsync(campaign, cancellationToken: cancellationToken);
        }
    }
}
