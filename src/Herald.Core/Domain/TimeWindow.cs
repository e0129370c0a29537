namespace Herald.Core.Domain;

/// <summary>
/// A daily sending window in a campaign's own time zone (R2, "time_spoon"): actions start only while
/// the local clock is in <c>[Start, End)</c>. <c>Start &gt; End</c> wraps midnight; <c>Start == End</c> is the
/// whole local day, midnight to midnight. Daylight-saving changes are handled in local time: on a spring-forward day a start inside
/// the missing hour opens at the first local time that exists; on a fall-back day the window opens at the
/// first occurrence of its start.
/// </summary>
public sealed record TimeWindow
{
    private readonly TimeZoneInfo _zone;

    /// <summary>Creates a window; throws <see cref="ArgumentException"/> for an unknown IANA zone id.</summary>
    /// <param name="start">Local opening time.</param>
    /// <param name="end">Local closing time (exclusive).</param>
    /// <param name="timeZoneId">An IANA zone id such as <c>Europe/Berlin</c>.</param>
    /// <param name="days">Days of the week the window opens on (by the local date of the opening); null is every day.</param>
    public TimeWindow(TimeOnly start, TimeOnly end, string timeZoneId, IReadOnlyList<DayOfWeek>? days = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(timeZoneId);
        Start = start;
        End = end;
        TimeZoneId = timeZoneId;
        Days = days is { Count: > 0 } ? days.Distinct().Order().ToArray() : null;
        _zone = FindZone(timeZoneId) ?? throw new ArgumentException($"Unknown time zone '{timeZoneId}'.", nameof(timeZoneId));
    }

    /// <summary>Local opening time.</summary>
    public TimeOnly Start { get; }

    /// <summary>Local closing time (exclusive).</summary>
    public TimeOnly End { get; }

    /// <summary>The IANA time zone id.</summary>
    public string TimeZoneId { get; }

    /// <summary>Days of the week the window opens on; null means every day.</summary>
    public IReadOnlyList<DayOfWeek>? Days { get; }

    /// <summary>How long the window is open on an open day (nominal: a DST day may be an hour longer or shorter).</summary>
    public TimeSpan OpenPerDay => Start == End ? TimeSpan.FromDays(1)
        : Start < End ? End - Start
        : TimeSpan.FromDays(1) - (Start - End);

    /// <summary>The share of a week the window is open, from 0 to 1 (nominal).</summary>
    public double OpenShareOfWeek => OpenPerDay / TimeSpan.FromDays(1) * (Days?.Count ?? 7) / 7.0;

    /// <summary>Checks an IANA zone id; returns an error message or null when it is known.</summary>
    public static string? ValidateZone(string? timeZoneId) =>
        string.IsNullOrWhiteSpace(timeZoneId) ? "A time zone id is required."
        : FindZone(timeZoneId) is null ? $"Unknown time zone '{timeZoneId}'."
        : null;

    /// <summary>True when the window is open at <paramref name="instant"/>.</summary>
    public bool Contains(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, _zone);
        var timeOfDay = TimeOnly.FromTimeSpan(local.TimeOfDay);
        var date = DateOnly.FromDateTime(local.DateTime);
        if (Start == End)
        {
            return DayAllowed(date);
        }

        if (Start < End)
        {
            return timeOfDay >= Start && timeOfDay < End && DayAllowed(date);
        }

        return timeOfDay >= Start ? DayAllowed(date)
            : timeOfDay < End && DayAllowed(date.AddDays(-1));
    }

    /// <summary>The first instant at or after <paramref name="instant"/> when the window is open.</summary>
    public DateTimeOffset NextOpen(DateTimeOffset instant)
    {
        if (Contains(instant))
        {
            return instant;
        }

        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, _zone).DateTime);
        for (var i = 0; i <= 8; i++)
        {
            var date = localDate.AddDays(i);
            if (!DayAllowed(date))
            {
                continue;
            }

            var opening = OpeningOf(date);
            if (opening > instant && Contains(opening))
            {
                return opening;
            }
        }

        // Only a window that never opens (every listed day lost to DST gaps) gets here.
        throw new InvalidOperationException($"The window {Start}-{End} in {TimeZoneId} never opens.");
    }

    /// <inheritdoc />
    public bool Equals(TimeWindow? other) =>
        other is not null && Start == other.Start && End == other.End && TimeZoneId == other.TimeZoneId
        && (Days ?? []).SequenceEqual(other.Days ?? []);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Start, End, TimeZoneId, Days?.Count);

    private bool DayAllowed(DateOnly date) => Days is null || Days.Contains(date.DayOfWeek);

    private DateTimeOffset OpeningOf(DateOnly date)
    {
        // A whole-day window (Start == End) is open for the whole local date, so it opens at midnight.
        var start = Start == End ? TimeOnly.MinValue : Start;
        var local = date.ToDateTime(new TimeOnly(start.Hour, start.Minute));
        if (_zone.IsInvalidTime(local))
        {
            // Inside a spring-forward gap: the first whole minute that exists is where the gap ends.
            for (var guard = 0; guard < 24 * 60 && _zone.IsInvalidTime(local); guard++)
            {
                local = local.AddMinutes(1);
            }

            return new DateTimeOffset(local, _zone.GetUtcOffset(local));
        }

        local = date.ToDateTime(start);
        if (_zone.IsAmbiguousTime(local))
        {
            // Fall-back day: the earlier occurrence has the larger offset.
            return new DateTimeOffset(local, _zone.GetAmbiguousTimeOffsets(local).Max());
        }

        return new DateTimeOffset(local, _zone.GetUtcOffset(local));
    }

    private static TimeZoneInfo? FindZone(string timeZoneId)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
        catch (InvalidTimeZoneException)
        {
            return null;
        }
    }
}
