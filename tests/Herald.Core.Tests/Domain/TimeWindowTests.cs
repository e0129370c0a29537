using FsCheck;
using FsCheck.Fluent;

namespace Herald.Core.Tests.Domain;

public sealed class TimeWindowTests
{
    private static readonly TimeWindow BerlinDay = new(new TimeOnly(9, 0), new TimeOnly(18, 0), "Europe/Berlin");

    [Fact(Timeout = 10_000)]
    public Task Contains_BerlinWinter_LocalHours() => Bounded.Run(() =>
    {
        Assert.False(BerlinDay.Contains(Times.Utc(2026, 1, 5, 7, 59)));
        Assert.True(BerlinDay.Contains(Times.Utc(2026, 1, 5, 8, 0)));
        Assert.True(BerlinDay.Contains(Times.Utc(2026, 1, 5, 16, 59)));
        Assert.False(BerlinDay.Contains(Times.Utc(2026, 1, 5, 17, 0)));
        Assert.Equal(TimeSpan.FromHours(9), BerlinDay.OpenPerDay);
    });

    [Fact(Timeout = 10_000)]
    public Task NextOpen_AfterClose_NextMorningAndOpenIsItself() => Bounded.Run(() =>
    {
        Assert.Equal(Times.Utc(2026, 1, 6, 8, 0), BerlinDay.NextOpen(Times.Utc(2026, 1, 5, 17, 0)));
        Assert.Equal(Times.Utc(2026, 1, 5, 10, 0), BerlinDay.NextOpen(Times.Utc(2026, 1, 5, 10, 0)));
    });

    [Fact(Timeout = 10_000)]
    public Task Overnight_WrapsMidnight() => Bounded.Run(() =>
    {
        var night = new TimeWindow(new TimeOnly(22, 0), new TimeOnly(6, 0), "UTC");

        Assert.True(night.Contains(Times.Utc(2026, 1, 5, 23, 0)));
        Assert.True(night.Contains(Times.Utc(2026, 1, 6, 5, 59)));
        Assert.False(night.Contains(Times.Utc(2026, 1, 6, 6, 0)));
        Assert.Equal(Times.Utc(2026, 1, 6, 22, 0), night.NextOpen(Times.Utc(2026, 1, 6, 12, 0)));
        Assert.Equal(TimeSpan.FromHours(8), night.OpenPerDay);
    });

    [Fact(Timeout = 10_000)]
    public Task Days_WeekdaysOnly_FridayEveningToMondayMorning() => Bounded.Run(() =>
    {
        var weekdays = new TimeWindow(new TimeOnly(9, 0), new TimeOnly(17, 0), "America/New_York",
            [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]);

        // Friday 2026-01-09 18:00 New York (23:00 UTC) → Monday 2026-01-12 09:00 New York (14:00 UTC).
        Assert.Equal(Times.Utc(2026, 1, 12, 14, 0), weekdays.NextOpen(Times.Utc(2026, 1, 9, 23, 0)));
        Assert.False(weekdays.Contains(Times.Utc(2026, 1, 10, 15, 0)));
    });

    [Fact(Timeout = 10_000)]
    public Task WholeDay_OnListedDaysOnly_OpensAtLocalMidnight() => Bounded.Run(() =>
    {
        // Start == End is the whole local day; on Wednesday 2026-10-28 08:08 Lord Howe (+11:00) the next open
        // day is Friday, from 00:00 local (Thursday 13:00 UTC), not from the window's nominal 08:31.
        var wholeDay = new TimeWindow(new TimeOnly(8, 31), new TimeOnly(8, 31), "Australia/Lord_Howe",
            [DayOfWeek.Monday, DayOfWeek.Friday]);

        Assert.Equal(Times.Utc(2026, 10, 29, 13, 0), wholeDay.NextOpen(Times.Utc(2026, 10, 27, 21, 8)));
        Assert.True(wholeDay.Contains(Times.Utc(2026, 10, 29, 13, 0)));
        Assert.False(wholeDay.Contains(Times.Utc(2026, 10, 29, 12, 59)));
    });

    [Fact(Timeout = 10_000)]
    public Task DstSpringForward_WindowFollowsLocalClock() => Bounded.Run(() =>
    {
        // Europe/Berlin moves from +01:00 to +02:00 at 02:00 local on Sunday 2026-03-29.
        Assert.Equal(Times.Utc(2026, 3, 28, 8, 0), BerlinDay.NextOpen(Times.Utc(2026, 3, 28, 0, 0)));
        Assert.Equal(Times.Utc(2026, 3, 29, 7, 0), BerlinDay.NextOpen(Times.Utc(2026, 3, 28, 17, 0)));
        Assert.False(BerlinDay.Contains(Times.Utc(2026, 3, 29, 16, 30)));

        // A window starting inside the missing hour opens when the clock reaches 03:00 (01:00 UTC).
        var gap = new TimeWindow(new TimeOnly(2, 30), new TimeOnly(4, 0), "Europe/Berlin");
        Assert.Equal(Times.Utc(2026, 3, 29, 1, 0), gap.NextOpen(Times.Utc(2026, 3, 28, 23, 0)));
        Assert.False(gap.Contains(Times.Utc(2026, 3, 29, 0, 59)));
    });

    [Fact(Timeout = 10_000)]
    public Task DstFallBack_OpensAtFirstOccurrence() => Bounded.Run(() =>
    {
        // Europe/Berlin moves from +02:00 back to +01:00 at 03:00 local on Sunday 2026-10-25: 02:00–03:00 happens twice.
        var early = new TimeWindow(new TimeOnly(2, 0), new TimeOnly(2, 30), "Europe/Berlin");

        Assert.Equal(Times.Utc(2026, 10, 25, 0, 0), early.NextOpen(Times.Utc(2026, 10, 24, 22, 0)));
        Assert.True(early.Contains(Times.Utc(2026, 10, 25, 1, 15)));
        Assert.Equal(Times.Utc(2026, 10, 26, 8, 0), BerlinDay.NextOpen(Times.Utc(2026, 10, 25, 17, 0)));
    });

    [Fact(Timeout = 10_000)]
    public Task Constructor_UnknownZone_ClearError() => Bounded.Run(() =>
    {
        var error = Assert.Throws<ArgumentException>(() => new TimeWindow(new TimeOnly(9, 0), new TimeOnly(18, 0), "Mars/Olympus"));

        Assert.Contains("Mars/Olympus", error.Message, StringComparison.Ordinal);
        Assert.NotNull(TimeWindow.ValidateZone("Mars/Olympus"));
        Assert.Null(TimeWindow.ValidateZone("Asia/Tokyo"));
    });

    [Fact(Timeout = 60_000)]
    public Task NextOpen_AnyWindowAndInstant_FirstOpenMinute() => Bounded.Run(() =>
    {
        var zones = Gen.Elements("Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Tokyo", "UTC");
        var minutes = Gen.Choose(0, (24 * 60) - 1).Select(m => new TimeOnly(m / 60, m % 60));
        var days = Gen.Elements<DayOfWeek[]?>(null, [DayOfWeek.Sunday], [DayOfWeek.Monday, DayOfWeek.Friday]);
        // Instants around the 2026 DST changes of those zones.
        var instants = Gen.Elements(Times.Utc(2026, 3, 26, 0), Times.Utc(2026, 4, 2, 0), Times.Utc(2026, 10, 22, 0), Times.Utc(2026, 11, 1, 0))
            .SelectMany(t => Gen.Choose(0, 6 * 24 * 60).Select(m => t.AddMinutes(m)));
        var input = Gen.Zip(Gen.Zip(zones, days), Gen.Zip(Gen.Zip(minutes, minutes), instants)).ToArbitrary();

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(150), Prop.ForAll(input, value =>
        {
            var ((zone, weekdays), ((start, end), instant)) = value;
            var window = new TimeWindow(start, end, zone, weekdays);
            var open = window.NextOpen(instant);
            if (open < instant || !window.Contains(open))
            {
                return false;
            }

            for (var t = instant; t < open; t = t.AddMinutes(1))
            {
                if (window.Contains(t))
                {
                    return false;
                }
            }

            return true;
        }));
    });
}
