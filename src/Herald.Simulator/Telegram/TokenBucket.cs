namespace Herald.Simulator.Telegram;

/// <summary>
/// A token bucket whose size and rate are passed on every call, so a runtime change of the limits
/// applies at once. Starts full. Not thread-safe: the simulator's state lock guards it.
/// </summary>
internal sealed class TokenBucket(double capacity, DateTimeOffset now)
{
    // Float rounding of tick-based refills (1/30 s is not a whole number of ticks) must not turn a
    // correctly paced sender into a 429.
    private const double Epsilon = 1e-6;

    private double _tokens = capacity;
    private DateTimeOffset _at = now;

    /// <summary>How long until one token is available (zero when one is).</summary>
    public TimeSpan TimeUntilToken(DateTimeOffset now, double capacity, double perSecond)
    {
        Refill(now, capacity, perSecond);
        return _tokens >= 1 - Epsilon ? TimeSpan.Zero : TimeSpan.FromSeconds((1 - _tokens) / perSecond);
    }

    /// <summary>Takes one token (call after <see cref="TimeUntilToken"/> said zero).</summary>
    public void Take(DateTimeOffset now, double capacity, double perSecond)
    {
        Refill(now, capacity, perSecond);
        _tokens = Math.Max(0, _tokens - 1);
    }

    /// <summary>True when the bucket is full, i.e. indistinguishable from a new one and safe to forget.</summary>
    public bool IsFull(DateTimeOffset now, double capacity, double perSecond)
    {
        Refill(now, capacity, perSecond);
        return _tokens >= capacity - Epsilon;
    }

    private void Refill(DateTimeOffset now, double capacity, double perSecond)
    {
        if (now > _at)
        {
            _tokens = Math.Min(capacity, _tokens + ((now - _at).TotalSeconds * perSecond));
            _at = now;
        }
        else
        {
            _tokens = Math.Min(capacity, _tokens);
        }
    }
}
