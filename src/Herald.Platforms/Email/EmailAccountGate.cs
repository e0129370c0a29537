using System.Collections.Concurrent;

namespace Herald.Platforms.Email;

/// <summary>
/// Each account's sends in the rolling 24 hours, against its provider's cap at the account's warm-up age
/// (<see cref="EmailProviderOptions.CapAt"/>). In this process's memory: the engine keeps the durable counterpart
/// (the e-mail accounts' daily cap and warm-up in <c>Herald:Limits:Email</c>), this gate adds the provider's own
/// figures. Thread-safe.
/// </summary>
internal sealed class EmailAccountGate
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(24);
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _sent = new(StringComparer.Ordinal);

    /// <summary>Takes a send slot: null when it may send now (counted), else when the oldest send leaves the window.</summary>
    public DateTimeOffset? TryTake(string accountKey, int cap, DateTimeOffset now)
    {
        var sends = _sent.GetOrAdd(accountKey, _ => new Queue<DateTimeOffset>());
        lock (sends)
        {
            while (sends.TryPeek(out var oldest) && oldest + Window <= now)
            {
                sends.Dequeue();
            }

            if (sends.Count >= cap)
            {
                return sends.Count == 0 ? now + Window : sends.Peek() + Window;
            }

            sends.Enqueue(now);
            return null;
        }
    }

    /// <summary>
    /// Moves a slot taken at <paramref name="takenAt"/> to <paramref name="acceptedAt"/>, when the server accepted the
    /// message: the server counts its window from then, so the slot is free only 24 hours after that (counted from the
    /// take, a send right at the end of the window could reach the server while it still counts the old one).
    /// </summary>
    public void Confirm(string accountKey, DateTimeOffset takenAt, DateTimeOffset acceptedAt)
    {
        Return(accountKey, takenAt);
        if (_sent.TryGetValue(accountKey, out var sends))
        {
            lock (sends)
            {
                var kept = sends.Append(acceptedAt).Order().ToList();
                sends.Clear();
                foreach (var t in kept)
                {
                    sends.Enqueue(t);
                }
            }
        }
    }

    /// <summary>Gives a slot back (the server refused the message: nothing was sent).</summary>
    public void Return(string accountKey, DateTimeOffset takenAt)
    {
        if (_sent.TryGetValue(accountKey, out var sends))
        {
            lock (sends)
            {
                var kept = sends.Where(t => t != takenAt).ToList();
                if (kept.Count < sends.Count)
                {
                    kept.AddRange(sends.Where(t => t == takenAt).Skip(1));
                    kept.Sort();
                    sends.Clear();
                    foreach (var t in kept)
                    {
                        sends.Enqueue(t);
                    }
                }
            }
        }
    }

    /// <summary>Sends in the current window.</summary>
    public int CountAt(string accountKey, DateTimeOffset now)
    {
        if (!_sent.TryGetValue(accountKey, out var sends))
        {
            return 0;
        }

        lock (sends)
        {
            return sends.Count(t => t + Window > now);
        }
    }
}
