using Herald.Core.Domain;
using Herald.Core.Limits;

namespace Herald.Core.Pacing;

public sealed partial class PacingPolicy
{
    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x > b ? x : b;

    private static int Allowed(int perPeriod, double paceFactor) => Math.Max(1, (int)Math.Floor(perPeriod / Math.Max(1.0, paceFactor)));

    // The jittered pause after the action that finished at 'last': [MinPause, MaxPause] times the pace factor.
    private static TimeSpan Pause(AccountState state, AccountLimits limits, DateTimeOffset last)
    {
        var u = StableHash.Unit(state.JitterSeed, last.UtcTicks, 1);
        var pause = limits.MinPause + ((limits.MaxPause - limits.MinPause) * u);
        return pause * Math.Max(1.0, state.PaceFactor);
    }

    private static DateTimeOffset NextStepAfter(AccountState state, AccountLimits limits, DateTimeOffset at)
    {
        if (state.WarmupStartedAt is not { } start)
        {
            return DateTimeOffset.MaxValue;
        }

        foreach (var step in limits.Warmup)
        {
            var boundary = start.AddDays(step.Day);
            if (boundary > at)
            {
                return boundary;
            }
        }

        return DateTimeOffset.MaxValue;
    }

    private void ApplyCap(ref Earliest d, AccountState state, AccountLimits limits, CounterKey key, CampaignSchedule schedule, DateTimeOffset now)
    {
        if (limits.DailyCap(key) is not { } fullCap)
        {
            return;
        }

        if (limits.SpreadOverDay && state.Counters.Latest(key) is { } latest
            && limits.EffectiveDailyCap(key, state.AgeAt(now)) is { } capNow && capNow > 0)
        {
            var u = StableHash.Unit(state.JitterSeed, latest.UtcTicks, 2 + (int)key);
            var spread = schedule.OpenPerDay / capNow * (1 + (Options.SpreadJitter * ((2 * u) - 1)));
            d.Push(latest + (spread * Math.Max(1.0, state.PaceFactor)), PacingReason.Pause);
        }

        var free = CapFreeAt(state, limits, key, d.At);
        d.Push(free, state.Counters.Count(key, d.At) >= fullCap || fullCap == 0 ? PacingReason.DailyCap : PacingReason.Warmup);
    }

    // The earliest time at or after 'from' when the count of 'key' is under the cap in force then. Within one warm-up
    // step the cap is fixed and the count only falls; at a step the cap rises.
    private static DateTimeOffset CapFreeAt(AccountState state, AccountLimits limits, CounterKey key, DateTimeOffset from)
    {
        var fullCap = limits.DailyCap(key) ?? int.MaxValue;
        var at = from;
        var free = DateTimeOffset.MaxValue;
        while (at != DateTimeOffset.MaxValue)
        {
            var cap = limits.EffectiveDailyCap(key, state.AgeAt(at)) ?? fullCap;
            free = state.Counters.FreeAt(key, cap, at);
            var step = NextStepAfter(state, limits, at);
            if (free <= step)
            {
                break;
            }

            at = step;
        }

        return free;
    }

    private static void ApplyRates(ref Earliest d, AccountState state, AccountLimits limits, PacedAction action)
    {
        var sends = state.RecentSends;
        if (limits.RequestsPerSecond is { } perSecond)
        {
            d.Push(sends.FreeAt(d.At, OneSecond, Allowed(perSecond, state.PaceFactor)), PacingReason.Rate);
        }

        if (action.Chat is null)
        {
            return;
        }

        if (limits.PerChatInterval > TimeSpan.Zero)
        {
            d.Push(sends.FreeAt(d.At, limits.PerChatInterval, 1, action.Chat), PacingReason.Rate);
        }

        if (action.IsGroupChat && limits.PerGroupPerMinute is { } perGroup)
        {
            d.Push(sends.FreeAt(d.At, OneMinute, Allowed(perGroup, state.PaceFactor), action.Chat), PacingReason.Rate);
        }
    }

    private static TimeSpan SlotWidth(int? cap) => cap switch
    {
        null => TimeSpan.FromMinutes(15),
        <= 500 => TimeSpan.Zero,
        _ => TimeSpan.FromMinutes(5),
    };

    private static AccountState Count(AccountState state, AccountLimits limits, PacedAction action, DateTimeOffset now)
    {
        var key = (CounterKey)action.Kind;
        var counters = state.Counters.Add(key, now, SlotWidth(limits.DailyCap(key)));
        if (action.HasLinks && action.IsMessage)
        {
            counters = counters.Add(CounterKey.MessageWithLinks, now, SlotWidth(limits.DailyCap(CounterKey.MessageWithLinks)));
        }

        var sends = state.RecentSends;
        if (limits.Kind == AccountKind.Bot)
        {
            var keepChats = limits.PerChatInterval > OneSecond ? limits.PerChatInterval : OneSecond;
            var keepGroups = limits.PerGroupPerMinute is not null ? OneMinute : keepChats;
            sends = sends.Add(now, action.Chat, action.IsGroupChat, keepChats, keepGroups);
        }

        return state with { Counters = counters, RecentSends = sends };
    }

    /// <summary>The running "earliest allowed" time and the constraint that set it.</summary>
    private struct Earliest(DateTimeOffset now)
    {
        public DateTimeOffset At { get; private set; } = now;

        public PacingReason Reason { get; private set; } = PacingReason.None;

        public void Push(DateTimeOffset candidate, PacingReason reason)
        {
            if (candidate > At)
            {
                At = candidate;
                Reason = reason;
            }
        }
    }
}
