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
/// <para>
/// Paid broadcasts (issue 16): a send that may be paid (<c>paidPerSecond</c> given: its campaign pays for this bot) takes
/// the free overall slot when one is free at once, and otherwise the next slot of a second window at the paid rate
/// (at most 1,000 in any 1.01 s), to go with <c>allow_paid_broadcast</c>. Once a bot has a paid window, every send of it
/// counts there too, so the bot's sends stay under the paid rate in all; the free window alone still paces free sends.
/// </para>
/// </summary>
internal sealed class TelegramBotRateLimiter
{
    private const int PruneEvery = 4096;

    private readonly Lock _gate = new();
    private readonly Dictionary<TelegramChatId, ChatState> _chats = [];
    private readonly Queue<(DateTimeOffset At, TelegramChatId Chat)> _recentLimits = new();
    private readonly TimeProvider _time;
    private readonly BotSendWindow _global;
    private BotSendWindow? _paid;
    private int _paidPerSecond;
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

    /// <summary>
    /// Waits until a message to <paramref name="chat"/> may be sent, and counts it as sent. With
    /// <paramref name="paidPerSecond"/> (the bot's paid rate, capped at <see cref="TelegramBotOptions.MaxPaidMessagesPerSecond"/>)
    /// a send the free rate has no room for right now takes a paid slot instead: true then, and it must go with
    /// <c>allow_paid_broadcast</c>.
    /// </summary>
    public async Task<bool> WaitAsync(TelegramChatId chat, int? paidPerSecond = null, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            TimeSpan wait;
            var paid = false;
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
                    var earliest = Max(now, _pausedUntil);
                    var paidWindow = PaidWindow(paidPerSecond);
                    var start = _global.Earliest(earliest);
                    if (_paid is { } all)
                    {
                        start = Max(start, all.Earliest(earliest));
                    }

                    paid = false;
                    if (paidWindow is not null && paidWindow.Earliest(earliest) is var paidStart && paidStart < start)
                    {
                        // The free rate is spent for now: this send goes paid, at the paid window's pace.
                        start = paidStart;
                        paid = true;
                    }
                    else
                    {
                        _global.Take(start);
                    }

                    _paid?.Take(start);
                    state.NextAt = start + (chat.IsGroup ? _groupInterval : _chatInterval);
                    Prune(now);
                    if (start <= now)
                    {
                        return paid;
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
                        return paid;
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

    // Under the lock: the paid window when this send may be paid (made, or remade for a changed rate, on first use).
    private BotSendWindow? PaidWindow(int? paidPerSecond)
    {
        if (paidPerSecond is not { } rate || rate <= 0)
        {
            return null;
        }

        rate = Math.Min(rate, TelegramBotOptions.MaxPaidMessagesPerSecond);
        if (_paid is null || _paidPerSecond != rate)
        {
            _paid = new BotSendWindow(rate);
            _paidPerSecond = rate;
        }

        return _paid;
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
