using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace Herald.Host.Tests.Infrastructure;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that moves with the wall clock (so workers, leases and limiters that wait on it run
/// as usual) and that a test can move on by whole days at once (<see cref="Jump"/>): virtual days in seconds, for
/// rolling 24-hour limits. Time only ever moves forward.
/// </summary>
public sealed class RunningClock : IAsyncDisposable
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(10);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    private RunningClock(DateTimeOffset start)
    {
        Time = new FakeTimeProvider(start);
        _running = Task.Run(RunAsync);
    }

    /// <summary>The clock to give the host and the simulator.</summary>
    public FakeTimeProvider Time { get; }

    /// <summary>A clock that starts at <paramref name="start"/> (default: now) and runs with the wall clock.</summary>
    public static RunningClock Start(DateTimeOffset? start = null) => new(start ?? DateTimeOffset.UtcNow);

    /// <summary>Moves the clock on by <paramref name="span"/> at once (timers due meanwhile fire).</summary>
    public void Jump(TimeSpan span) => Time.Advance(span);

    /// <summary>Moves the clock on to <paramref name="at"/> at once, if that is still ahead (timers due meanwhile fire).</summary>
    public void JumpTo(DateTimeOffset at)
    {
        var ahead = at - Time.GetUtcNow();
        if (ahead > TimeSpan.Zero)
        {
            Time.Advance(ahead);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // stopped
        }

        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        var wall = Stopwatch.StartNew();
        var moved = TimeSpan.Zero;
        while (!_stop.IsCancellationRequested)
        {
            await Task.Delay(Step, _stop.Token);
            var elapsed = wall.Elapsed;
            Time.Advance(elapsed - moved);
            moved = elapsed;
        }
    }
}
