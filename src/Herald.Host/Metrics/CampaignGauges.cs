using Azure.Data.Tables;
using Herald.Engine.Campaigns;
using Herald.Engine.Model;
using Herald.Engine.Persistence;
using Microsoft.Extensions.Options;

namespace Herald.Host.Metrics;

/// <summary>
/// The gauges read from storage when Prometheus scrapes (at most once per <see cref="MetricsOptions.GaugeRefresh"/>):
/// campaigns of every tenant that have not ended (active tasks per platform, speed, pending targets) and the tick
/// queue's length. A storage failure keeps the last values (the scrape still answers).
/// </summary>
public sealed class CampaignGauges(
    HeraldMetrics metrics,
    EngineStorage storage,
    CampaignStatusReader reader,
    IOptions<MetricsOptions> options,
    TimeProvider time,
    ILogger<CampaignGauges> logger)
{
    // A scrape must stay cheap: past this many live campaigns the gauges cover the first ones only.
    private const int MaxCampaigns = 500;
    private static readonly string Filter = TableClient.CreateQueryFilter(
        $"Status eq {nameof(CampaignStatus.Running)} or Status eq {nameof(CampaignStatus.Waiting)} or Status eq {nameof(CampaignStatus.Paused)}");

    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateTimeOffset _refreshedAt = DateTimeOffset.MinValue;

    /// <summary>Refreshes the gauges unless they were refreshed within <see cref="MetricsOptions.GaugeRefresh"/>.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (time.GetUtcNow() - _refreshedAt < options.Value.GaugeRefresh)
            {
                return;
            }

            await ReadAsync(cancellationToken);
            _refreshedAt = time.GetUtcNow();
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Log.GaugesFailed(logger, ex.GetType().Name);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        var active = Enum.GetValues<Core.Domain.PlatformKind>().ToDictionary(p => p, _ => 0);
        double speed = 0;
        long pending = 0;
        var seen = 0;
        await foreach (var entity in storage.Campaigns.QueryAsync<TableEntity>(Filter, cancellationToken: cancellationToken))
        {
            if (++seen > MaxCampaigns)
            {
                break;
            }

            var campaign = CampaignRecord.FromEntity(entity);
            var view = await reader.BuildAsync(campaign, cancellationToken);
            pending += view.Remaining;
            if (campaign.Status is CampaignStatus.Running or CampaignStatus.Waiting)
            {
                active[campaign.Campaign.Platform]++;
                speed += view.SpeedPerMinute;
            }
        }

        foreach (var (platform, count) in active)
        {
            metrics.ActiveTasks.WithLabels(HeraldMetrics.PlatformLabel(platform)).Set(count);
        }

        metrics.Speed.Set(speed);
        metrics.PendingTargets.Set(pending);
        if (await storage.Ticks.ExistsAsync(cancellationToken))
        {
            metrics.TickQueueLength.Set((await storage.Ticks.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount);
        }
    }
}
