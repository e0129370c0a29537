using Herald.Core.Domain;
using Herald.Core.Limits;
using Herald.Core.Outcomes;
using Microsoft.Extensions.Options;

namespace Herald.Core.Pacing;

/// <summary>
/// Decides when an account may act and how its state changes after it did (R16–R22). Pure: it takes
/// <c>now</c> from the caller (who reads it from a <see cref="TimeProvider"/>) and returns new values; jitter
/// comes from the account's <see cref="AccountState.JitterSeed"/>, so the same state always gets the same answer.
/// Thread-safe.
/// </summary>
public sealed partial class PacingPolicy
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan OneMinute = TimeSpan.FromMinutes(1);

    /// <summary>Creates the policy; throws <see cref="ArgumentException"/> for invalid options.</summary>
    public PacingPolicy(PacingOptions? options = null)
    {
        Options = options ?? new PacingOptions();
        var errors = Options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid pacing options: " + string.Join(" ", errors), nameof(options));
        }
    }

    /// <summary>Creates the policy from bound options.</summary>
    public PacingPolicy(IOptions<PacingOptions> options)
        : this(options.Value)
    {
    }

    /// <summary>The options in force.</summary>
    public PacingOptions Options { get; }

    /// <summary>
    /// May the account start <paramref name="action"/> for a campaign with <paramref name="schedule"/> at
    /// <paramref name="now"/>? If not, the earliest time it may, and why: blocked, cooldown, pause (jittered,
    /// times the adaptive factor, and the even spread of daily caps), a bot's rate budgets, a rolling 24-hour cap
    /// (or the lower warm-up cap), a delayed start, or the closed time window.
    /// </summary>
    public PacingDecision Decide(AccountState state, AccountLimits limits, PacedAction action, CampaignSchedule schedule, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(schedule);
        if (state.IsBlocked)
        {
            return new PacingDecision(DateTimeOffset.MaxValue, PacingReason.Blocked);
        }

        var d = new Earliest(now);
        if (state.CooldownUntil is { } cooldown)
        {
            d.Push(cooldown, PacingReason.Cooldown);
        }

        if (state.LastActionAt is { } last && limits.MaxPause > TimeSpan.Zero)
        {
            d.Push(last + Pause(state, limits, last), PacingReason.Pause);
        }

        ApplyCap(ref d, state, limits, (CounterKey)action.Kind, schedule, now);
        if (action.HasLinks && action.IsMessage)
        {
            ApplyCap(ref d, state, limits, CounterKey.MessageWithLinks, schedule, now);
        }

        if (limits.Kind == AccountKind.Bot)
        {
            ApplyRates(ref d, state, limits, action);
        }

        if (d.At == DateTimeOffset.MaxValue)
        {
            return new PacingDecision(d.At, d.Reason);
        }

        var open = schedule.NextOpen(d.At);
        if (open > d.At)
        {
            d.Push(open, schedule.StartAt is { } start && start > d.At ? PacingReason.NotStarted : PacingReason.OutsideWindow);
        }

        return new PacingDecision(d.At, d.Reason);
    }

    /// <summary>
    /// The state after the account made a request for <paramref name="action"/> that ended in <paramref name="outcome"/>
    /// at <paramref name="now"/> (when it finished). Every request the platform processed counts against the daily caps
    /// (done, privacy-refused, recipient gone, permanent and transient failures, and an action refused for missing rights in
    /// the campaign's chat); a rate-limit answer starts a cooldown
    /// of the full retry-after (plus a margin) and multiplies the pace factor; a block is sticky; a calm success brings
    /// the pace factor slowly back towards 1.
    /// </summary>
    public AccountState Record(AccountState state, AccountLimits limits, PacedAction action, ActionOutcome outcome, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(outcome);
        now = AccountState.CeilMillis(now);
        var next = state.Served(action.CampaignId, now) with { LastActionAt = Later(state.LastActionAt, now) };
        switch (outcome)
        {
            case ActionOutcome.RateLimited limited:
                var wait = limited.RetryAfter > TimeSpan.Zero ? limited.RetryAfter : Options.DefaultCooldown;
                var until = AccountState.CeilMillis(now + wait + Options.CooldownMargin);
                return next with
                {
                    CooldownUntil = Later(state.CooldownUntil, until),
                    PaceFactor = Math.Min(Options.MaxPaceFactor, Math.Max(1.0, state.PaceFactor) * Options.SlowdownMultiplier),
                    LastSlowdownAt = now,
                };

            case ActionOutcome.AccountBlocked blocked:
                return next with
                {
                    BlockedReason = string.IsNullOrEmpty(blocked.Reason) ? "blocked" : blocked.Reason,
                    BlockedAt = now,
                };

            case ActionOutcome.Done:
                next = Count(next, limits, action, now);
                var calm = state.LastSlowdownAt is not { } signal || now - signal >= Options.CalmPeriod;
                return calm && next.PaceFactor > 1.0
                    ? next with { PaceFactor = Math.Max(1.0, next.PaceFactor * Options.RecoveryMultiplier) }
                    : next;

            default:
                return Count(next, limits, action, now);
        }
    }

    /// <summary>
    /// For bots: how many actions may start in this tick (≈30/s per Telegram bot, less the sends of the last second,
    /// divided by the pace factor, within the daily caps), and when to tick next. User accounts get at most 1.
    /// Per-chat budgets are not in the count: check each send with <see cref="Decide"/> and its <see cref="PacedAction.Chat"/>.
    /// </summary>
    public BatchBudget GetBatchBudget(AccountState state, AccountLimits limits, PacedAction action, CampaignSchedule schedule, DateTimeOffset now)
    {
        var decision = Decide(state, limits, action with { Chat = null }, schedule, now);
        if (!decision.MayAct)
        {
            return new BatchBudget(0, decision.EarliestAt, decision.Reason);
        }

        if (limits.Kind != AccountKind.Bot)
        {
            return new BatchBudget(1, now, PacingReason.Pause);
        }

        var count = int.MaxValue;
        var reason = PacingReason.Rate;
        if (limits.RequestsPerSecond is { } perSecond)
        {
            count = Allowed(perSecond, state.PaceFactor) - state.RecentSends.CountSince(now, OneSecond);
        }

        foreach (var key in action.HasLinks && action.IsMessage
                     ? new[] { (CounterKey)action.Kind, CounterKey.MessageWithLinks }
                     : [(CounterKey)action.Kind])
        {
            if (limits.EffectiveDailyCap(key, state.AgeAt(now)) is { } cap && cap - state.Counters.Count(key, now) < count)
            {
                count = cap - state.Counters.Count(key, now);
                reason = PacingReason.DailyCap;
            }
        }

        return new BatchBudget(Math.Max(1, count == int.MaxValue ? 1 : count), now + OneSecond, reason);
    }

    /// <summary>The account's status at <paramref name="now"/> (R22): blocked, cooldown, limited (a daily cap used up), warming or active.</summary>
    public AccountStatusInfo GetStatus(AccountState state, AccountLimits limits, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(limits);
        if (state.IsBlocked)
        {
            return new AccountStatusInfo(AccountStatus.Blocked, null, state.BlockedReason);
        }

        if (state.CooldownUntil is { } cooldown && cooldown > now)
        {
            return new AccountStatusInfo(AccountStatus.Cooldown, cooldown);
        }

        DateTimeOffset? freeAt = null;
        foreach (var key in Enum.GetValues<CounterKey>())
        {
            if (limits.EffectiveDailyCap(key, state.AgeAt(now)) is { } cap && cap > 0 && state.Counters.Count(key, now) >= cap)
            {
                var free = CapFreeAt(state, limits, key, now);
                freeAt = freeAt is { } f && f < free ? f : free;
            }
        }

        if (freeAt is { } until)
        {
            return new AccountStatusInfo(AccountStatus.Limited, until);
        }

        return limits.WarmupShare(state.AgeAt(now)) < 1.0 && state.WarmupStartedAt is { } started
            ? new AccountStatusInfo(AccountStatus.Warming, started + limits.WarmupLength)
            : new AccountStatusInfo(AccountStatus.Active);
    }

    /// <summary>
    /// The average time between two actions of <paramref name="kind"/> when nothing else holds the account back:
    /// the mean pause or the even spread of the daily cap, whichever is longer, times the pace factor (a bot: one
    /// request-per-second slot). Used for aging in work choice and for the start plan.
    /// </summary>
    public TimeSpan ExpectedInterval(AccountState state, AccountLimits limits, ActionKind kind, CampaignSchedule schedule, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(schedule);
        var interval = (limits.MinPause + limits.MaxPause) / 2;
        if (limits.RequestsPerSecond is { } perSecond && limits.Kind == AccountKind.Bot)
        {
            interval = TimeSpan.FromSeconds(1.0 / perSecond);
        }

        if (limits.SpreadOverDay && limits.EffectiveDailyCap((CounterKey)kind, state.AgeAt(now)) is { } cap && cap > 0)
        {
            var spread = schedule.OpenPerDay / cap;
            interval = spread > interval ? spread : interval;
        }

        return interval * Math.Max(1.0, state.PaceFactor);
    }
}
