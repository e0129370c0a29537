namespace Herald.Simulator.Smtp;

/// <summary>The live state of the simulated SMTP server: its scenario, every accepted message, counts. Thread-safe.</summary>
public sealed class SmtpSimulatorState
{
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);
    private readonly Lock _gate = new();
    private readonly List<SmtpMessage> _messages = [];
    private readonly Dictionary<SmtpRule, int> _used = [];
    private readonly Dictionary<string, Queue<DateTimeOffset>> _perAccount = new(StringComparer.OrdinalIgnoreCase);
    private SmtpScenario _scenario;
    private int _deferred;
    private int _rejected;
    private int _refusedLogins;
    private int _capViolations;

    /// <summary>Creates the state.</summary>
    public SmtpSimulatorState(SmtpScenario scenario, TimeProvider timeProvider)
    {
        _scenario = scenario.Clone();
        TimeProvider = timeProvider;
    }

    /// <summary>The server's clock (daily caps, timestamps).</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Changes the scenario (a copy is edited, then replaces it; rule use counts start again).</summary>
    public void Configure(Action<SmtpScenario> change)
    {
        lock (_gate)
        {
            var next = _scenario.Clone();
            change(next);
            _scenario = next;
            _used.Clear();
        }
    }

    /// <summary>Every accepted message, oldest first.</summary>
    public IReadOnlyList<SmtpMessage> GetMessages()
    {
        lock (_gate)
        {
            return [.. _messages];
        }
    }

    /// <summary>The counts.</summary>
    public SmtpStats GetStats()
    {
        lock (_gate)
        {
            return new SmtpStats(_messages.Count, _deferred, _rejected, _refusedLogins, _capViolations);
        }
    }

    internal bool Login(string user, string password)
    {
        lock (_gate)
        {
            var ok = password.Length > 0 && !_scenario.RefusedLogins.Contains(user, StringComparer.OrdinalIgnoreCase);
            if (!ok)
            {
                _refusedLogins++;
            }

            return ok;
        }
    }

    /// <summary>The reply to <c>MAIL FROM</c> of an account: null to go on, 452 past its daily cap.</summary>
    internal int? Sender(string account)
    {
        lock (_gate)
        {
            if (_scenario.DailyCapPerAccount <= 0)
            {
                return null;
            }

            var now = TimeProvider.GetUtcNow();
            var sent = Sent(account, now);
            if (sent.Count < _scenario.DailyCapPerAccount)
            {
                return null;
            }

            _capViolations++;
            _deferred++;
            return 452;
        }
    }

    /// <summary>The reply to <c>RCPT TO</c>: null to accept, else the code of the first matching rule.</summary>
    internal int? Recipient(string address)
    {
        lock (_gate)
        {
            foreach (var rule in _scenario.Rules.Where(r => r.Matches(address)))
            {
                var used = _used.GetValueOrDefault(rule);
                if (rule.Times > 0 && used >= rule.Times)
                {
                    continue;
                }

                _used[rule] = used + 1;
                if (rule.Code >= 500)
                {
                    _rejected++;
                }
                else
                {
                    _deferred++;
                }

                return rule.Code;
            }

            return null;
        }
    }

    internal void Record(SmtpMessage message)
    {
        lock (_gate)
        {
            _messages.Add(message with { At = TimeProvider.GetUtcNow() });
            Sent(message.Account, TimeProvider.GetUtcNow()).Enqueue(TimeProvider.GetUtcNow());
        }
    }

    private Queue<DateTimeOffset> Sent(string account, DateTimeOffset now)
    {
        if (!_perAccount.TryGetValue(account, out var sent))
        {
            sent = _perAccount[account] = new Queue<DateTimeOffset>();
        }

        while (sent.TryPeek(out var oldest) && oldest + Day <= now)
        {
            sent.Dequeue();
        }

        return sent;
    }
}
