using FsCheck;
using FsCheck.Fluent;

namespace Herald.Core.Tests.Pacing;

public sealed class RollingCountersTests
{
    private static readonly DateTimeOffset T0 = Times.Monday;

    [Fact(Timeout = 10_000)]
    public Task Count_ActionLeavesWindowAfterExactly24Hours() => Bounded.Run(() =>
    {
        var counters = RollingCounters.Empty.Add(CounterKey.Invite, T0, TimeSpan.Zero);

        Assert.Equal(1, counters.Count(CounterKey.Invite, T0.AddDays(1).AddTicks(-1)));
        Assert.Equal(0, counters.Count(CounterKey.Invite, T0.AddDays(1)));
        Assert.Equal(0, counters.Count(CounterKey.PersonalMessage, T0));
    });

    [Fact(Timeout = 10_000)]
    public Task FreeAt_CapReached_WhenOldestLeaves() => Bounded.Run(() =>
    {
        var counters = RollingCounters.Empty;
        for (var i = 0; i < 3; i++)
        {
            counters = counters.Add(CounterKey.Invite, T0.AddHours(i), TimeSpan.Zero);
        }

        var now = T0.AddHours(5);
        Assert.Equal(now, counters.FreeAt(CounterKey.Invite, 4, now));
        Assert.Equal(T0.AddDays(1), counters.FreeAt(CounterKey.Invite, 3, now));
        Assert.Equal(T0.AddHours(1).AddDays(1), counters.FreeAt(CounterKey.Invite, 2, now));
        Assert.Equal(DateTimeOffset.MaxValue, counters.FreeAt(CounterKey.Invite, 0, now));
    });

    [Fact(Timeout = 10_000)]
    public Task Add_SubSecondTime_RoundsLastUp() => Bounded.Run(() =>
    {
        var at = T0.AddMilliseconds(400);
        var counters = RollingCounters.Empty.Add(CounterKey.Invite, at, TimeSpan.Zero);

        // Counted until a whole second after the true expiry: never less than the truth.
        Assert.Equal(1, counters.Count(CounterKey.Invite, at.AddDays(1)));
        Assert.Equal(0, counters.Count(CounterKey.Invite, T0.AddSeconds(1).AddDays(1)));
    });

    [Fact(Timeout = 60_000)]
    public Task Count_AnySlotWidth_NeverBelowExactCount() => Bounded.Run(() =>
    {
        var offsets = Gen.Choose(0, 3 * 86_400).ArrayOf().Select(a => a.Order().ToArray());
        var widths = Gen.Elements(0, 60, 300, 900);
        var queries = Gen.Choose(0, 2 * 86_400).ArrayOf();
        var input = offsets.Zip(widths).Zip(queries).ToArbitrary();

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), Prop.ForAll(input, value =>
        {
            var ((times, width), probes) = value;
            var counters = RollingCounters.Empty;
            foreach (var t in times)
            {
                counters = counters.Add(CounterKey.BotMessage, T0.AddSeconds(t), TimeSpan.FromSeconds(width));
            }

            // Queries come after the last action, as in use.
            var last = times.Length > 0 ? times[^1] : 0;
            foreach (var q in probes)
            {
                var now = T0.AddSeconds(last + q);
                var exact = times.Count(t => T0.AddSeconds(t) > now.AddDays(-1) && T0.AddSeconds(t) <= now);
                var counted = counters.Count(CounterKey.BotMessage, now);
                if (counted < exact || (width == 0 && counted != exact))
                {
                    return false;
                }
            }

            return RollingCounters.Parse(counters.Serialize()).Equals(counters);
        }));
    });

    [Fact(Timeout = 10_000)]
    public Task Parse_Garbage_Throws() => Bounded.Run(() =>
    {
        Assert.Throws<FormatException>(() => RollingCounters.Parse("X:1,2"));
        Assert.Throws<FormatException>(() => RollingCounters.Parse("I:abc,1"));
        Assert.Equal(RollingCounters.Empty, RollingCounters.Parse(""));
    });
}
