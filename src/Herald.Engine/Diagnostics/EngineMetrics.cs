using System.Diagnostics.Metrics;
using Herald.Core.Domain;

namespace Herald.Engine.Diagnostics;

/// <summary>
/// The engine's instruments (meter <c>Herald.Engine</c>): ticks and their duration, platform
/// actions by outcome, recipients finished, claims, FloodWaits and account blocks. Exported by the host (Prometheus, R27) and
/// read by the benchmarks with a <see cref="MeterListener"/>.
/// </summary>
public static class EngineMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Herald.Engine";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Duration of one tick in milliseconds (tag <c>acted</c>: whether it acted).</summary>
    public static Histogram<double> TickDuration { get; } = Meter.CreateHistogram<double>("herald.engine.tick.duration", "ms", "Duration of one account tick.");

    /// <summary>Platform actions by outcome (tag <c>outcome</c>).</summary>
    public static Counter<long> Actions { get; } = Meter.CreateCounter<long>("herald.engine.actions", description: "Platform actions by outcome.");

    /// <summary>Rate-limit answers (FloodWait, 429).</summary>
    public static Counter<long> FloodWaits { get; } = Meter.CreateCounter<long>("herald.engine.floodwaits", description: "Rate-limit answers from platforms.");

    /// <summary>Duration of claiming a tick's targets in milliseconds.</summary>
    public static Histogram<double> ClaimDuration { get; } = Meter.CreateHistogram<double>("herald.engine.claim.duration", "ms", "Duration of claiming a batch of targets.");

    /// <summary>Recipients that reached a final status (tag <c>status</c>: done, failed, unknown, skipped): what a campaign's status counts as processed.</summary>
    public static Counter<long> TargetsFinished { get; } = Meter.CreateCounter<long>("herald.engine.targets.finished", description: "Recipients that reached a final status.");

    /// <summary>Accounts the platform blocked.</summary>
    public static Counter<long> AccountBlocks { get; } = Meter.CreateCounter<long>("herald.engine.account_blocks", description: "Accounts blocked by a platform.");

    /// <summary>Counts one recipient reaching <paramref name="status"/>.</summary>
    public static void CountFinished(TargetStatus status) =>
        TargetsFinished.Add(1, new KeyValuePair<string, object?>("status", status.ToString().ToLowerInvariant()));
}
