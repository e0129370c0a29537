using System.Diagnostics.Metrics;
using Herald.Engine.Diagnostics;

namespace Herald.Host.Alerts;

/// <summary>The rate-limit answers this process's engine got (from <see cref="EngineMetrics.FloodWaits"/>), kept as long as a spike window needs.</summary>
public sealed class FloodWaitWindow : IDisposable
{
    private readonly TimeProvider _time;
    private readonly MeterListener _listener = new();
    private readonly Queue<DateTimeOffset> _seen = new();
    private readonly Lock _gate = new();

    /// <summary>Starts listening.</summary>
    public FloodWaitWindow(TimeProvider time)
    {
        _time = time;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument == EngineMetrics.FloodWaits)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Add(value));
        _listener.Start();
    }

    /// <summary>Records <paramref name="count"/> rate-limit answers now.</summary>
    public void Add(long count)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _seen.Enqueue(now);
            }
        }
    }

    /// <summary>How many came within <paramref name="within"/> before now (older ones are forgotten).</summary>
    public int CountWithin(TimeSpan within)
    {
        var since = _time.GetUtcNow() - within;
        lock (_gate)
        {
            while (_seen.Count > 0 && _seen.Peek() < since)
            {
                _seen.Dequeue();
            }

            return _seen.Count;
        }
    }

    public void Dispose() => _listener.Dispose();
}
