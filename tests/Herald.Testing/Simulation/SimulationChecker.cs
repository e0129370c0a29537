using System.Globalization;
using Herald.Core.Domain;
using Herald.Core.Limits;
using Herald.Core.Pacing;

namespace Herald.Testing.Simulation;

/// <summary>
/// Checks every simulated action against the limits, independently of the pacing policy's own bookkeeping: exact
/// start times in rolling 24-hour windows per action kind (with the warm-up cap at the time), the safe minimum pause,
/// one action in flight per account, cooldowns honoured in full, nothing after a block, nothing outside the campaign's
/// window, and a bot's requests per second. Counts requests the platform processed (not FloodWait or block answers).
/// </summary>
public sealed class SimulationChecker
{
    private const int KeptMessages = 100;
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);
    private readonly Dictionary<(int Account, CounterKey Key), Queue<DateTimeOffset>> _windows = [];
    private readonly Dictionary<int, Queue<DateTimeOffset>> _seconds = [];
    private readonly Dictionary<int, DateTimeOffset> _lastEnd = [];
    private readonly Dictionary<int, DateTimeOffset> _cooldownUntil = [];
    private readonly HashSet<int> _blocked = [];
    private readonly List<string> _messages = [];

    /// <summary>Violations found (at most 100 kept).</summary>
    public IReadOnlyList<string> Messages => _messages;

    /// <summary>All violations found.</summary>
    public long Count { get; private set; }

    /// <summary>Checks one action.</summary>
    public void OnAction(int account, string accountId, AccountLimits limits, DateTimeOffset? warmupStartedAt,
        CampaignSchedule schedule, ActionKind kind, bool hasLinks, DateTimeOffset start, DateTimeOffset end, SimOutcome outcome, TimeSpan retryAfter)
    {
        if (_blocked.Contains(account))
        {
            Fail($"{accountId} acted at {start:O} after it was blocked.");
        }

        if (_lastEnd.TryGetValue(account, out var lastEnd))
        {
            if (start < lastEnd)
            {
                Fail($"{accountId} started at {start:O} while its previous action ran until {lastEnd:O} (two in flight).");
            }
            else if (start - lastEnd < limits.MinPause)
            {
                Fail($"{accountId} paused {(start - lastEnd).TotalSeconds:0.###} s before {start:O}; the safe minimum is {limits.MinPause.TotalSeconds} s.");
            }
        }

        if (_cooldownUntil.TryGetValue(account, out var until) && start < until)
        {
            Fail($"{accountId} acted at {start:O} during its cooldown until {until:O}.");
        }

        if (!schedule.IsOpen(start))
        {
            Fail($"{accountId} acted at {start:O}, outside the campaign's window.");
        }

        _lastEnd[account] = end;
        if (outcome == SimOutcome.RateLimited)
        {
            _cooldownUntil[account] = end + retryAfter;
        }

        if (outcome == SimOutcome.AccountBlocked)
        {
            _blocked.Add(account);
        }

        if (limits.Kind == AccountKind.Bot && limits.RequestsPerSecond is { } perSecond)
        {
            var seconds = Window(_seconds, account);
            seconds.Enqueue(start);
            while (seconds.Peek() <= start - TimeSpan.FromSeconds(1))
            {
                seconds.Dequeue();
            }

            if (seconds.Count > perSecond)
            {
                Fail($"{accountId} made {seconds.Count} requests in the second before {start:O}; the limit is {perSecond}.");
            }
        }

        if (outcome is SimOutcome.RateLimited or SimOutcome.AccountBlocked)
        {
            return;
        }

        var age = warmupStartedAt is { } w ? start - w : (TimeSpan?)null;
        CheckCap(account, accountId, limits, (CounterKey)kind, age, start);
        if (hasLinks && kind is ActionKind.PersonalMessage or ActionKind.BotMessage)
        {
            CheckCap(account, accountId, limits, CounterKey.MessageWithLinks, age, start);
        }
    }

    private void CheckCap(int account, string accountId, AccountLimits limits, CounterKey key, TimeSpan? age, DateTimeOffset start)
    {
        if (limits.EffectiveDailyCap(key, age) is not { } cap)
        {
            return;
        }

        if (!_windows.TryGetValue((account, key), out var window))
        {
            window = new Queue<DateTimeOffset>();
            _windows[(account, key)] = window;
        }

        while (window.Count > 0 && window.Peek() <= start - Day)
        {
            window.Dequeue();
        }

        window.Enqueue(start);
        if (window.Count > cap)
        {
            Fail(string.Create(CultureInfo.InvariantCulture,
                $"{accountId} made {window.Count} {key} actions in the 24 h before {start:O}; the cap then was {cap}."));
        }
    }

    private static Queue<DateTimeOffset> Window(Dictionary<int, Queue<DateTimeOffset>> map, int account)
    {
        if (!map.TryGetValue(account, out var queue))
        {
            queue = new Queue<DateTimeOffset>();
            map[account] = queue;
        }

        return queue;
    }

    private void Fail(string message)
    {
        Count++;
        if (_messages.Count < KeptMessages)
        {
            _messages.Add(message);
        }
    }
}
