using System.Diagnostics.Metrics;
using Herald.Engine.Diagnostics;

namespace Herald.Host.Metrics;

/// <summary>
/// Listens to the engine's meter (<see cref="EngineMetrics"/>) and moves the Prometheus instruments with it. Tag values
/// the engine gives are taken only from known, bounded sets.
/// </summary>
public sealed class EngineMeterBridge(HeraldMetrics metrics) : IHostedService, IDisposable
{
    private static readonly HashSet<string> Outcomes = ["done", "rate_limited", "privacy_restricted", "account_blocked", "recipient_gone", "permanent", "transient"];
    private static readonly HashSet<string> FinalStatuses = ["done", "failed", "unknown", "skipped", "cancelled"];
    private readonly MeterListener _listener = new();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == EngineMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnLong);
        _listener.SetMeasurementEventCallback<double>(OnDouble);
        _listener.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _listener.Dispose();

    private void OnLong(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (instrument == EngineMetrics.TargetsFinished)
        {
            metrics.Processed.WithLabels(Bounded(Tag(tags, "status"), FinalStatuses)).Inc(value);
        }
        else if (instrument == EngineMetrics.Actions)
        {
            var outcome = Bounded(Tag(tags, "outcome"), Outcomes);
            metrics.Actions.WithLabels(outcome).Inc(value);
            if (outcome == "transient")
            {
                metrics.ExternalApiErrors.Inc(value);
            }
        }
        else if (instrument == EngineMetrics.FloodWaits)
        {
            metrics.FloodWaits.Inc(value);
        }
        else if (instrument == EngineMetrics.AccountBlocks)
        {
            metrics.AccountBlocks.Inc(value);
        }
    }

    private void OnDouble(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (instrument == EngineMetrics.TickDuration)
        {
            var acted = Tag(tags, "acted") is true or "True" or "true";
            metrics.TickDuration.WithLabels(acted ? "true" : "false").Observe(value / 1000);
        }
        else if (instrument == EngineMetrics.ClaimDuration)
        {
            metrics.ClaimDuration.Observe(value / 1000);
        }
    }

    private static object? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == name)
            {
                return tag.Value;
            }
        }

        return null;
    }

    private static string Bounded(object? value, HashSet<string> known) =>
        value is string s && known.Contains(s) ? s : "other";
}
