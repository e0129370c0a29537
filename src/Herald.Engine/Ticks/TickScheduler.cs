using Herald.Engine.Persistence;

namespace Herald.Engine.Ticks;

/// <summary>
/// Puts tick messages on the queue with a visibility delay (the durable timer). Delays longer than
/// <see cref="EngineOptions.MaxTimerHop"/> are chained: the message carries its due time, and a tick
/// received early is put back with the rest of the delay.
/// </summary>
public sealed class TickScheduler(EngineStorage storage, EngineOptions options, TimeProvider time)
{
    private static readonly TimeSpan NeverExpire = TimeSpan.FromSeconds(-1);

    /// <summary>Schedules tick <paramref name="tickId"/> of an account for <paramref name="dueAt"/>.</summary>
    public async Task ScheduleAsync(string tenantId, string accountId, string tickId, DateTimeOffset dueAt, CancellationToken cancellationToken = default)
    {
        var delay = HopDelay(dueAt - time.GetUtcNow(), options.MaxTimerHop);
        var message = new TickMessage(tenantId, accountId, tickId, dueAt);
        await storage.Ticks.SendMessageAsync(message.Serialize(), delay, NeverExpire, cancellationToken);
    }

    /// <summary>
    /// The visibility delay of one hop towards a due time: rounded up to whole seconds (the queue
    /// counts whole seconds, so a message never shows early) and at most <paramref name="maxHop"/>.
    /// </summary>
    public static TimeSpan HopDelay(TimeSpan remaining, TimeSpan maxHop)
    {
        if (remaining <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var seconds = TimeSpan.FromSeconds(Math.Ceiling(remaining.TotalSeconds));
        return seconds > maxHop ? maxHop : seconds;
    }
}
