namespace Herald.Platforms.WhatsAppCloud;

/// <summary>
/// The limits of one business number as the adapter keeps them in this process: sends spaced to the throughput
/// (80/s by default), the messaging tier (unique recipients per rolling 24 hours) never exceeded, and the last
/// quality rating read. The engine keeps the durable counterpart (the account's daily message cap is its tier,
/// <c>LimitOverrides.MessagingTier</c>); this gate is the second line that holds even if several campaigns share
/// the number. Thread-safe.
/// </summary>
internal sealed class WhatsAppNumberGate
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(24);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _recipients = new(StringComparer.Ordinal);
    private readonly Queue<(string Recipient, DateTimeOffset At)> _order = new();
    private DateTimeOffset _nextSlot = DateTimeOffset.MinValue;

    /// <summary>The last quality rating read and when.</summary>
    public (string Rating, DateTimeOffset At)? Quality { get; set; }

    /// <summary>How long to wait for the next send slot at <paramref name="perSecond"/>; the slot is taken.</summary>
    public TimeSpan TakeSlot(DateTimeOffset now, double perSecond)
    {
        lock (_gate)
        {
            var slot = _nextSlot > now ? _nextSlot : now;
            _nextSlot = slot + TimeSpan.FromSeconds(1 / perSecond);
            return slot - now;
        }
    }

    /// <summary>
    /// Admits a recipient under the tier (null: unlimited): null when it may be messaged (it counts from now), else
    /// when the oldest recipient leaves the window and a new one may be admitted.
    /// </summary>
    public DateTimeOffset? Admit(string recipient, DateTimeOffset now, int? tier)
    {
        lock (_gate)
        {
            Expire(now);
            if (_recipients.ContainsKey(recipient) || tier is not { } cap || _recipients.Count < cap)
            {
                if (_recipients.TryAdd(recipient, now))
                {
                    _order.Enqueue((recipient, now));
                }

                return null;
            }

            return _order.Peek().At + Window;
        }
    }

    /// <summary>Gives back an admission whose send the Cloud API refused (nothing reached the recipient).</summary>
    public void Release(string recipient, DateTimeOffset admittedAt)
    {
        lock (_gate)
        {
            if (_recipients.TryGetValue(recipient, out var at) && at == admittedAt)
            {
                _recipients.Remove(recipient);
            }
        }
    }

    /// <summary>Unique recipients in the current 24-hour window.</summary>
    public int CountAt(DateTimeOffset now)
    {
        lock (_gate)
        {
            Expire(now);
            return _recipients.Count;
        }
    }

    private void Expire(DateTimeOffset now)
    {
        while (_order.TryPeek(out var oldest) && (oldest.At + Window <= now || !_recipients.TryGetValue(oldest.Recipient, out var at) || at != oldest.At))
        {
            _order.Dequeue();
            if (_recipients.TryGetValue(oldest.Recipient, out var current) && current == oldest.At)
            {
                _recipients.Remove(oldest.Recipient);
            }
        }
    }
}
