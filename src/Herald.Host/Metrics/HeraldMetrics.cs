using Herald.Core.Domain;
using Prometheus;

namespace Herald.Host.Metrics;

/// <summary>
/// The Prometheus instruments (R27) in this host's own registry, with the names the operators asked for. Labels are
/// bounded sets (platform, outcome, final status, whether a tick acted): never a tenant, campaign, account or recipient.
/// </summary>
public sealed class HeraldMetrics
{
    /// <summary>Creates the instruments in a fresh registry.</summary>
    public HeraldMetrics()
    {
        Registry = Prometheus.Metrics.NewCustomRegistry();
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        ActiveTasks = factory.CreateGauge("invite_active_tasks", "Campaigns running or waiting for an account, by platform.", "platform");
        Processed = factory.CreateCounter("invite_processed_users_total", "Recipients that reached a final status (done, failed, unknown, skipped) in this process.", "status");
        AccountBlocks = factory.CreateCounter("invite_account_blocks_total", "Accounts a platform blocked or limited.");
        FloodWaits = factory.CreateCounter("invite_floodwait_events_total", "Rate-limit answers (FloodWait, 429) from platforms.");
        Speed = factory.CreateGauge("invite_speed_actions_per_minute", "Actions per minute over the last minutes, summed over active campaigns.");
        PendingTargets = factory.CreateGauge("invite_pending_targets", "Recipients not reached yet in campaigns that have not ended.");
        TickQueueLength = factory.CreateGauge("invite_tick_queue_length", "Account ticks waiting in the tick queue (approximate).");
        ExternalApiErrors = factory.CreateCounter("external_api_errors_total", "Platform calls that failed with a transient error (5xx, timeout, network).");
        Actions = factory.CreateCounter("herald_platform_actions_total", "Platform calls by outcome.", "outcome");
        TickDuration = factory.CreateHistogram("herald_tick_duration_seconds", "Duration of one account tick.", new HistogramConfiguration
        {
            LabelNames = ["acted"],
            Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
        });
        ClaimDuration = factory.CreateHistogram("herald_claim_duration_seconds", "Duration of claiming a batch of targets.", new HistogramConfiguration
        {
            Buckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
        });
        foreach (var platform in Enum.GetValues<PlatformKind>())
        {
            ActiveTasks.WithLabels(PlatformLabel(platform)).Set(0);
        }
    }

    /// <summary>The registry <c>/metrics</c> exports.</summary>
    public CollectorRegistry Registry { get; }

    public Gauge ActiveTasks { get; }

    public Counter Processed { get; }

    public Counter AccountBlocks { get; }

    public Counter FloodWaits { get; }

    public Gauge Speed { get; }

    public Gauge PendingTargets { get; }

    public Gauge TickQueueLength { get; }

    public Counter ExternalApiErrors { get; }

    public Counter Actions { get; }

    public Histogram TickDuration { get; }

    public Histogram ClaimDuration { get; }

    /// <summary>A platform as a label value.</summary>
    public static string PlatformLabel(PlatformKind platform) => platform.ToString().ToLowerInvariant();
}
