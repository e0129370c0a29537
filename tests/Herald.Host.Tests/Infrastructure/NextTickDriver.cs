using Herald.Engine.Persistence;

namespace Herald.Host.Tests.Infrastructure;

/// <summary>
/// Runs a tenant's accounts through virtual time: whenever none of them is acting or due (no lease held, every armed
/// tick due later), it jumps the <see cref="RunningClock"/> to the earliest armed tick plus <c>gather</c>, read from the
/// engine's own account rows (<see cref="AccountStore"/>). Paced accounts (an e-mail mailbox spreads its daily cap
/// over the day, tens of minutes apart) then act as soon as the engine lets them, and a gather window as wide as the
/// pacing's jitter lets all accounts act in one round instead of one jump each. The engine's pacing is untouched: the
/// jump only moves time, never past an account that is due.
/// </summary>
public sealed class NextTickDriver(EngineApiHost host, RunningClock clock, string tenant, TimeSpan gather)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(2);

    /// <summary>How many times the clock was moved on.</summary>
    public int Jumps { get; private set; }

    /// <summary>
    /// Moves time on until <paramref name="done"/> (asked about once a second of wall time) answers true; throws
    /// <see cref="TimeoutException"/> after <paramref name="timeout"/> of wall time.
    /// </summary>
    public async Task<T> RunUntilAsync<T>(Func<Task<(bool Done, T Value)>> done, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var store = host.Services.GetRequiredService<AccountStore>();
        var wall = System.Diagnostics.Stopwatch.StartNew();
        var asked = TimeSpan.FromSeconds(-1);
        while (true)
        {
            var rows = await store.ListAsync(tenant, cancellationToken);
            var now = clock.Time.GetUtcNow();
            var armed = rows.Where(r => r.TickId is not null && r.NextTickAt is not null).Select(r => r.NextTickAt!.Value).ToList();
            if (wall.Elapsed - asked > TimeSpan.FromSeconds(1))
            {
                asked = wall.Elapsed;
                var (finished, value) = await done();
                if (finished)
                {
                    return value;
                }

                if (wall.Elapsed > timeout)
                {
                    throw new TimeoutException($"Not done after {timeout} ({Jumps} jumps, virtual {now:O}); last: {value}");
                }
            }

            // A tick due within the margin could take its lease between this read and the jump, which would then
            // run the lease out under it (another worker takes over, the attempt is fenced off): it is left to come due.
            var busy = rows.Any(r => r.LeaseId is not null && r.LeaseUntil > now) || armed.Any(at => at <= now + Margin);
            if (!busy && armed.Count > 0)
            {
                clock.JumpTo(armed.Min() + gather);
                Jumps++;
            }

            await Task.Delay(Poll, cancellationToken);
        }
    }
}
