using Herald.Engine.Model;
using Herald.Engine.Persistence;
using Herald.Engine.Ticks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Herald.Engine.Workers;

/// <summary>
/// The actors' liveness: re-arms accounts whose tick is overdue (a crash between writing the row
/// and putting the message). Scheduled starts and completion belong to each campaign's orchestration.
/// </summary>
public sealed class Sweeper(
    AccountStore accounts,
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
    }
}
