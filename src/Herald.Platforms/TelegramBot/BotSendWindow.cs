namespace Herald.Platforms.TelegramBot;

/// <summary>
/// The overall pace of one bot's sends: at most <c>N = floor(perSecond)</c> sends start in any window of
/// <c>N / perSecond</c> seconds plus <see cref="Margin"/> (30 in any 1.01 s at Telegram's 30/s), and two sends start
/// at least half the even spacing apart (16.7 ms). A send held up (a slow storage write between two sends of one bot)
/// is made up for within the window, where even spacing alone lost that time for good; the margin absorbs the
/// jitter between when a send starts here and when Telegram counts it. Not thread-safe: the limiter holds its lock.
/// </summary>
internal sealed class BotSendWindow
{
    /// <summary>Added to the window, so network jitter cannot put one send more into any second at Telegram's end.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(10);

    private readonly DateTimeOffset[] _starts;
    private readonly TimeSpan _window;
    private readonly TimeSpan _minSpacing;
    private int _next;
    private int _count;
    private DateTimeOffset _last;

    public BotSendWindow(double perSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        var n = Math.Max(1, (int)Math.Floor(perSecond));
        _starts = new DateTimeOffset[n];
        _window = TimeSpan.FromTicks((long)Math.Ceiling(TimeSpan.TicksPerSecond * n / perSecond)) + Margin;
        var even = TimeSpan.FromTicks((long)Math.Ceiling(TimeSpan.TicksPerSecond / perSecond));
        _minSpacing = n == 1 ? even : TimeSpan.FromTicks((even.Ticks + 1) / 2);
    }

    /// <summary>The earliest start, not before <paramref name="earliest"/>, that keeps the window.</summary>
    public DateTimeOffset Earliest(DateTimeOffset earliest)
    {
        var start = earliest;
        if (_count == _starts.Length && _starts[_next] + _window > start)
        {
            // Full: the oldest of the last N starts is where the next one is written.
            start = _starts[_next] + _window;
        }

        if (_count > 0 && _last + _minSpacing > start)
        {
            start = _last + _minSpacing;
        }

        return start;
    }

    /// <summary>Counts a send starting at <paramref name="start"/> (from <see cref="Earliest"/>: never earlier than the last).</summary>
    public void Take(DateTimeOffset start)
    {
        _starts[_next] = start;
        _next = (_next + 1) % _starts.Length;
        _count = Math.Min(_count + 1, _starts.Length);
        _last = start;
    }
}
