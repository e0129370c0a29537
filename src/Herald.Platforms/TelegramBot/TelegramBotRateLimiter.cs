namespace Herald.Platforms.TelegramBot;

/// <summary>How far a 429 reaches.</summary>
internal enum RateLimitScope
{
    /// <summary>Only the chat that got it waits.</summary>
    Chat,

    /// <summary>The whole bot waits (a global flood).</summary>
    Bot,
}

/// <summary>
/// Paces one bot's messages (one instance per bot, see <see cref="TelegramBotRateLimiters"/>):
/// <list type="bullet">
/// <item>overall: at most 30 sends start in any 1.01 s, at least 16.7 ms apart (<see cref="BotSendWindow"/>);</item>
/// <item>per chat: at least <c>1 / ChatMessagesPerSecond</c> apart (1 s);</item>
/// <item>per group: at least <c>max(chat interval, 60 s / GroupMessagesPerMinute)</c> apart (3 s), so
/// no 60-second window holds more than 20.</item>
/// </list>
/// Intervals are rounded up to whole ticks, never down. A window with a margin and a minimum spacing, rather than a
/// bucket with a full burst, keeps the sender at or under Telegram's figures even as network latency varies, while a
/// send held up is made up for within the second (even spacing alone lost that time). A send first waits for its own chat without holding anything, so a slow or paused chat
/// never holds up the bot's other chats; only once its chat is free does it take the next overall
/// slot (first come, first served). A 429 pauses the chat it came from for <c>retry_after</c>;
/// when <see cref="TelegramBotOptions.FloodChatThreshold"/> different chats get one within
/// <see cref="TelegramBotOptions.FloodWindow"/>, or a 429 names no chat, the whole bot pauses. State
/// lives in this process only; the engine runs one account in one place at a time.
/// </summary>
internal sealed class TelegramBotRateLimiter
{
    private const int PruneEvery = 4096;

    private readonly Lock _gate = new();
    private readonly Dictionary<TelegramChatId, ChatState> _chats = [];
    private readonly Queue<(DateTimeOffset At, TelegramChatId Chat)> _recentLimits = new();
    private readonly TimeProvider _time;
    private readonly BotSendWindow _global;
    private readonly TimeSpan _chatInterval;
    private readonly TimeSpan _groupInterval;
    private readonly int _floodChatThreshold;
    private readonly TimeSpan _floodWindow;
    private DateTimeOffset _pausedUntil;
    private int _acquiredSincePrune;

    public TelegramBotRateLimiter(TelegramBotOptions options, TimeProvider timeProvider)
    {
        _time = timeProvider;
        _global = new BotSendWindow(options.MessagesPerSecond);
        _chatInterval = Interval(options.ChatMessagesPerSecond);
        var group = Interval(options.GroupMessagesPerMinute / 60);
        _groupInterval = group > _chatInterval ? group : _chatInterval;
        _floodChatThreshold = options.FloodChatThreshold;
        _floodWindow = options.FloodWindow;
    }

    /// <summary>Until when the whole bot is paused (in the past when it is not).</summary>
    public DateTimeOffset PausedUntil
    {
        get
        {
            lock (_gate)
            {
                return _pausedUntil;
            }
        }
    }

    /// <summary>Waits until a message to <paramref name="chat"/> may be sent, and counts it as sent.</summary>
    public async Task WaitAsync(TelegramChatId chat, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            TimeSpan wait;
            DateTimeOffset? slot = null;
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                var state = Chat(chat);
                var chatFree = Max(state.NextAt, state.PausedUntil);
                if (chatFree > now)
                {
                    wait = chatFree - now;
                }
                else
                {
                    var start = _global.Earliest(Max(now, _pausedUntil));
                    _global.Take(start);
                    state.NextAt = start + (chat.IsGroup ? _groupInterval : _chatInterval);
                    Prune(now);
                    if (start <= now)
                    {
                        return;
                    }

                    wait = start - now;
                    slot = start;
                }
            }

            // Task.Delay counts whole milliseconds and ends a shorter delay at once: round up, so a
            // sub-millisecond remainder cannot spin this loop and a send is never released early.
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)), _time, cancellationToken);
            if (slot is { } reserved)
            {
                lock (_gate)
                {
                    // A 429 that arrived while this send waited for its slot wins; the slot is given up.
                    if (_pausedUntil <= reserved && Chat(chat).PausedUntil <= reserved)
                    {
                        return;
                    }
                }
            }
        }
    }

    /// <summary>
    /// Records a 429 with <paramref name="retryAfter"/> for a send to <paramref name="chat"/> (null: a
    /// call about no chat) and says whether only that chat or the whole bot now waits.
    /// </summary>
    public RateLimitScope ReportRateLimited(TelegramChatId? chat, TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var until = now + retryAfter;
            if (chat is { } limited)
            {
                var state = Chat(limited);
                state.PausedUntil = Max(state.PausedUntil, until);
                _recentLimits.Enqueue((now, limited));
                while (_recentLimits.Peek().At <= now - _floodWindow)
                {
                    _recentLimits.Dequeue();
                }

                if (_recentLimits.Select(r => r.Chat).Distinct().Count() < _floodChatThreshold)
                {
                    return RateLimitScope.Chat;
                }
            }

            _pausedUntil = Max(_pausedUntil, until);
            return RateLimitScope.Bot;
        }
    }

    // Under the lock.
    private ChatState Chat(TelegramChatId chat)
    {
        if (!_chats.TryGetValue(chat, out var state))
        {
            state = new ChatState();
            _chats[chat] = state;
        }

        return state;
    }

    // Under the lock. A chat whose next slot and pause are both past constrains nothing: forget it,
    // so a broadcast to a million users keeps no million entries.
    private void Prune(DateTimeOffset now)
    {
        if (++_acquiredSincePrune < PruneEvery)
        {
            return;
        }

        _acquiredSincePrune = 0;
        foreach (var (chat, state) in _chats.ToList())
        {
            if (state.NextAt <= now && state.PausedUntil <= now)
            {
                _chats.Remove(chat);
            }
        }
    }

    private static TimeSpan Interval(double perSecond) =>
        TimeSpan.FromTicks((long)Math.Ceiling(TimeSpan.TicksPerSecond / perSecond));

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private sealed class ChatState
    {
        public DateTimeOffset NextAt { get; set; }

        public DateTimeOffset PausedUntil { get; set; }
    }
}
