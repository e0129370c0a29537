using Microsoft.Extensions.Time.Testing;

namespace Herald.Platforms.Tests.Support;

/// <summary>
/// The manual clock as the code under test sees it, counting the timers armed on it, so a test can
/// advance time only when every pending call is waiting on the clock (none is mid-request): then
/// the simulator stamps each delivery at exactly the moment the limiter released it.
/// </summary>
internal sealed class TrackingTimeProvider(FakeTimeProvider clock) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly HashSet<TrackedTimer> _armed = [];

    public FakeTimeProvider Clock { get; } = clock;

    public override DateTimeOffset GetUtcNow() => Clock.GetUtcNow();

    public override long TimestampFrequency => Clock.TimestampFrequency;

    public override long GetTimestamp() => Clock.GetTimestamp();

    public override TimeZoneInfo LocalTimeZone => Clock.LocalTimeZone;

    public int ArmedTimers
    {
        get
        {
            lock (_gate)
            {
                return _armed.Count;
            }
        }
    }

    public DateTimeOffset? NextDue
    {
        get
        {
            lock (_gate)
            {
                return _armed.Count == 0 ? null : _armed.Min(t => t.DueAt);
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new TrackedTimer(this);
        timer.Inner = Clock.CreateTimer(
            s =>
            {
                timer.Fired();
                callback(s);
            },
            state,
            Timeout.InfiniteTimeSpan,
            Timeout.InfiniteTimeSpan);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>
    /// Runs <paramref name="calls"/> to completion on the manual clock: waits (in real time) until every
    /// unfinished call waits on a timer, then moves the clock to the next timer, and again.
    /// </summary>
    public async Task DriveAsync(IReadOnlyCollection<Task> calls, TimeSpan maxSimulated)
    {
        var end = Clock.GetUtcNow() + maxSimulated;
        while (true)
        {
            var pending = calls.Count(c => !c.IsCompleted);
            if (pending == 0)
            {
                await Task.WhenAll(calls);
                return;
            }

            if (ArmedTimers < pending || NextDue is not { } due)
            {
                await Task.Delay(1);
                continue;
            }

            if (due > end)
            {
                throw new InvalidOperationException($"The calls still wait after {maxSimulated} of simulated time.");
            }

            Clock.SetUtcNow(due > Clock.GetUtcNow() ? due : Clock.GetUtcNow());
        }
    }

    private sealed class TrackedTimer(TrackingTimeProvider owner) : ITimer
    {
        public ITimer Inner { get; set; } = null!;

        public DateTimeOffset DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (period != Timeout.InfiniteTimeSpan)
            {
                throw new NotSupportedException("Only one-shot timers are tracked.");
            }

            lock (owner._gate)
            {
                owner._armed.Remove(this);
                if (dueTime != Timeout.InfiniteTimeSpan)
                {
                    DueAt = owner.Clock.GetUtcNow() + dueTime;
                    owner._armed.Add(this);
                }
            }

            return Inner.Change(dueTime, period);
        }

        public void Fired()
        {
            lock (owner._gate)
            {
                owner._armed.Remove(this);
            }
        }

        public void Dispose()
        {
            Fired();
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
