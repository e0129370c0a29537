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
        var delay = dueAt - time.GetUtcNow();
        delay = delay < TimeSpan.Zero ? TimeSpan.Zero : delay > options.MaxTimerHop ? options.MaxTimerHop : delay;
        var message = new TickMessage(tenantId, accountId, tickId, dueAt);
        await storage.Ticks.SendMessageAsync(message.Serialize(), delay, NeverExpire, cancellationToken);
    }
}
