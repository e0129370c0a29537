namespace Herald.Core.Tests;

/// <summary>Fixed instants for tests.</summary>
internal static class Times
{
    /// <summary>Monday 2026-01-05 09:00 UTC.</summary>
    public static readonly DateTimeOffset Monday = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
