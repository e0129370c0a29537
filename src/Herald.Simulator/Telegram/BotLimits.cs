namespace Herald.Simulator.Telegram;

/// <summary>
/// The message limits of one bot (see <see cref="SimulatorOptions"/> for what is enforced). Not
/// thread-safe: the simulator's state lock guards it.
/// </summary>
internal sealed class BotLimits
{
    private static readonly TimeSpan GroupWindow = TimeSpan.FromMinutes(1);
    private const int PruneEvery = 4096;

    private readonly Dictionary<long, TokenBucket> _chats = [];
    private readonly Dictionary<long, Queue<DateTimeOffset>> _groups = [];
    private TokenBucket? _global;
    private TokenBucket? _paid;
    private int _takesSincePrune;

    /// <summary>
    /// How long until a message to <paramref name="chatId"/> may go (zero: now). A <paramref name="paid"/> broadcast
    /// ignores the overall free limit; every message counts against the paid limit.
    /// </summary>
    public TimeSpan WaitFor(long chatId, DateTimeOffset now, SimulatorOptions limits, bool paid = false)
    {
        var wait = Paid(now, limits).TimeUntilToken(now, limits.PaidMessagesPerSecond, limits.PaidMessagesPerSecond);
        if (!paid)
        {
            wait = Max(wait, Global(now, limits).TimeUntilToken(now, limits.GlobalBurst, limits.GlobalMessagesPerSecond));
        }

        if (_chats.TryGetValue(chatId, out var chat))
        {
            wait = Max(wait, chat.TimeUntilToken(now, limits.ChatBurst, limits.ChatMessagesPerSecond));
        }

        if (chatId < 0 && _groups.TryGetValue(chatId, out var window))
        {
            Expire(window, now);
            if (window.Count >= limits.GroupMessagesPerMinute)
            {
                // The window is (now - 60 s, now]: a slot frees when the delivery that keeps it full leaves.
                var keeping = window.ElementAt(window.Count - limits.GroupMessagesPerMinute);
                wait = Max(wait, keeping + GroupWindow - now);
            }
        }

        return wait;
    }

    /// <summary>Counts one message to <paramref name="chatId"/> against every limit (a <paramref name="paid"/> one: not the free overall one).</summary>
    public void Take(long chatId, DateTimeOffset now, SimulatorOptions limits, bool paid = false)
    {
        Paid(now, limits).Take(now, limits.PaidMessagesPerSecond, limits.PaidMessagesPerSecond);
        if (!paid)
        {
            Global(now, limits).Take(now, limits.GlobalBurst, limits.GlobalMessagesPerSecond);
        }

        if (!_chats.TryGetValue(chatId, out var chat))
        {
            chat = new TokenBucket(limits.ChatBurst, now);
            _chats[chatId] = chat;
        }

        chat.Take(now, limits.ChatBurst, limits.ChatMessagesPerSecond);
        if (chatId < 0)
        {
            if (!_groups.TryGetValue(chatId, out var window))
            {
                window = new Queue<DateTimeOffset>();
                _groups[chatId] = window;
            }

            window.Enqueue(now);
        }

        if (++_takesSincePrune >= PruneEvery)
        {
            _takesSincePrune = 0;
            Prune(now, limits);
        }
    }

    // A full bucket or an empty window constrains nothing: forget it, so a million-recipient broadcast
    // does not keep a million buckets.
    private void Prune(DateTimeOffset now, SimulatorOptions limits)
    {
        foreach (var (id, bucket) in _chats.ToList())
        {
            if (bucket.IsFull(now, limits.ChatBurst, limits.ChatMessagesPerSecond))
            {
                _chats.Remove(id);
            }
        }

        foreach (var (id, window) in _groups.ToList())
        {
            Expire(window, now);
            if (window.Count == 0)
            {
                _groups.Remove(id);
            }
        }
    }

    private TokenBucket Global(DateTimeOffset now, SimulatorOptions limits) =>
        _global ??= new TokenBucket(limits.GlobalBurst, now);

    private TokenBucket Paid(DateTimeOffset now, SimulatorOptions limits) =>
        _paid ??= new TokenBucket(limits.PaidMessagesPerSecond, now);

    private static void Expire(Queue<DateTimeOffset> window, DateTimeOffset now)
    {
        while (window.Count > 0 && window.Peek() <= now - GroupWindow)
        {
            window.Dequeue();
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
