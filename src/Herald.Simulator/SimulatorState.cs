using System.Text.RegularExpressions;
using Herald.Simulator.Telegram;
using Microsoft.AspNetCore.WebUtilities;

namespace Herald.Simulator;

/// <summary>
/// The live state of one running simulator: its scenario, every bot's limits and messages, and the
/// record of deliveries. Tests and benchmarks hold it to change the scenario and read what arrived;
/// the <c>/_sim</c> endpoints expose the same. Thread-safe (one lock; every operation is short).
/// </summary>
public sealed partial class SimulatorState
{
    private readonly Lock _gate = new();
    private readonly SimulatorOptions _initial;
    private readonly List<SimulatedDelivery> _deliveries = [];
    private readonly Dictionary<long, SimulatedBot> _bots = [];
    private readonly HashSet<(long Chat, long User)> _joinRequests = [];
    private Scenario _scenario;
    private Random _random;

    /// <summary>Creates the state; <see cref="SimulatorHost"/> does this for a running simulator.</summary>
    /// <param name="options">The starting scenario (copied).</param>
    /// <param name="timeProvider">The clock for limits, timestamps and latency.</param>
    public SimulatorState(SimulatorOptions options, TimeProvider timeProvider)
    {
        _initial = options.Clone();
        _scenario = new Scenario(_initial.Clone());
        _random = new Random(_initial.RandomSeed);
        TimeProvider = timeProvider;
    }

    /// <summary>The clock that stamps deliveries and drives the limits.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>A copy of the current scenario.</summary>
    public SimulatorOptions Options
    {
        get
        {
            lock (_gate)
            {
                return _scenario.Options.Clone();
            }
        }
    }

    /// <summary>Changes the scenario at runtime: <paramref name="change"/> edits a copy that then replaces it.</summary>
    /// <exception cref="ArgumentException">The changed options are invalid; nothing changed.</exception>
    public void Configure(Action<SimulatorOptions> change) => Update(current =>
    {
        change(current);
        return current;
    });

    /// <summary>Replaces the scenario with what <paramref name="next"/> makes of a copy of the current one.</summary>
    internal SimulatorOptions Update(Func<SimulatorOptions, SimulatorOptions> next)
    {
        lock (_gate)
        {
            var options = next(_scenario.Options.Clone());
            _scenario = new Scenario(options);
            _random = new Random(options.RandomSeed);
            return options.Clone();
        }
    }

    internal int MaxMessageLength
    {
        get
        {
            lock (_gate)
            {
                return _scenario.Options.MaxMessageLength;
            }
        }
    }

    /// <summary>
    /// Forgets deliveries, messages, limits, counters and join requests. The scenario stays unless
    /// <paramref name="restoreOptions"/>, which also restores the options the simulator started with.
    /// </summary>
    public void Reset(bool restoreOptions = false)
    {
        lock (_gate)
        {
            _deliveries.Clear();
            _bots.Clear();
            _joinRequests.Clear();
            if (restoreOptions)
            {
                _scenario = new Scenario(_initial.Clone());
            }

            _random = new Random(_scenario.Options.RandomSeed);
        }
    }

    /// <summary>Records that <paramref name="userId"/> asked to join <paramref name="chatId"/> (a <c>chat_join_request</c>).</summary>
    public void AddJoinRequest(long chatId, long userId)
    {
        lock (_gate)
        {
            _joinRequests.Add((chatId, userId));
        }
    }

    /// <summary>Every delivery in order, optionally only one bot's or one chat's.</summary>
    public IReadOnlyList<SimulatedDelivery> GetDeliveries(long? botId = null, long? chatId = null)
    {
        lock (_gate)
        {
            return [.. Filter(botId, chatId)];
        }
    }

    /// <summary>One page of deliveries in order, optionally only one bot's or one chat's.</summary>
    public DeliveryPage QueryDeliveries(long? botId = null, long? chatId = null, int offset = 0, int limit = 100)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        lock (_gate)
        {
            if (botId is null && chatId is null)
            {
                // Unfiltered pages slice the list directly, so paging through a large run stays linear.
                var start = Math.Min(offset, _deliveries.Count);
                return new DeliveryPage(_deliveries.Count, offset, limit, _deliveries.GetRange(start, Math.Min(limit, _deliveries.Count - start)));
            }

            var matching = Filter(botId, chatId).ToList();
            return new DeliveryPage(matching.Count, offset, limit, [.. matching.Skip(offset).Take(limit)]);
        }
    }

    /// <summary>Checks a token: null and the bot id when accepted, else Telegram's answer (401 or 404).</summary>
    internal BotAnswer? Authorize(string token, out long botId)
    {
        botId = 0;
        var match = TokenShape().Match(token);
        if (!match.Success || !long.TryParse(match.Groups["id"].ValueSpan, out botId))
        {
            // Telegram answers a token that is not even token-shaped as an unknown URL.
            return BotAnswer.NotFound;
        }

        lock (_gate)
        {
            var scenario = _scenario;
            if (scenario.Revoked.Contains(token)
                || (!scenario.Options.AcceptAnyWellFormedToken && !scenario.Accepted.Contains(token)))
            {
                return BotAnswer.Unauthorized;
            }

            Bot(botId).Requests++;
            return null;
        }
    }

    /// <summary>Waits the configured latency, then perhaps fails the call before any work (a transient 5xx).</summary>
    internal async Task<BotAnswer?> DisturbAsync(CancellationToken cancellationToken = default)
    {
        TimeSpan delay;
        int? failure = null;
        lock (_gate)
        {
            var options = _scenario.Options;
            delay = options.Latency + (options.LatencyJitter * _random.NextDouble());
            if (options.TransientErrorRate > 0 && _random.NextDouble() < options.TransientErrorRate)
            {
                failure = options.TransientStatusCode;
            }
        }

        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, TimeProvider, cancellationToken);
        }

        return failure is { } status ? BotAnswer.Error(status, ReasonPhrases.GetReasonPhrase(status)) : null;
    }

    /// <summary>Counts an error answer against the bot.</summary>
    internal void CountAnswer(long botId, BotAnswer answer)
    {
        if (answer.Result is not null)
        {
            return;
        }

        lock (_gate)
        {
            var errors = Bot(botId).Errors;
            var key = answer.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            errors[key] = errors.GetValueOrDefault(key) + 1;
        }
    }

    private IEnumerable<SimulatedDelivery> Filter(long? botId, long? chatId) =>
        _deliveries.Where(d => (botId is null || d.BotId == botId) && (chatId is null || d.ChatId == chatId));

    // Under the lock.
    private SimulatedBot Bot(long botId)
    {
        if (!_bots.TryGetValue(botId, out var bot))
        {
            bot = new SimulatedBot(botId);
            _bots[botId] = bot;
        }

        return bot;
    }

    [GeneratedRegex("^(?<id>[1-9][0-9]{0,18}):[A-Za-z0-9_-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex TokenShape();
}
