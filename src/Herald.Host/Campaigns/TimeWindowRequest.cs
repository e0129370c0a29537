using System.Globalization;
using Herald.Host.Validation;

namespace Herald.Host.Campaigns;

/// <summary>A daily sending window (R2): local <c>HH:mm</c> start and end in an IANA time zone, optionally on some days only.</summary>
public sealed class TimeWindowRequest
{
    private static readonly string[] TimeFormats = ["HH:mm", "HH:mm:ss"];

    /// <summary>Local opening time, <c>HH:mm</c>.</summary>
    public required string Start { get; init; }

    /// <summary>Local closing time, <c>HH:mm</c> (exclusive; before <see cref="Start"/> wraps midnight; equal is all day).</summary>
    public required string End { get; init; }

    /// <summary>An IANA time zone id such as <c>Europe/Berlin</c>.</summary>
    public required string TimeZone { get; init; }

    /// <summary>The days the window opens on (e.g. <c>["monday","friday"]</c>); every day when left out.</summary>
    public IReadOnlyList<DayOfWeek>? Days { get; init; }

    /// <summary>Adds an error per fault under <paramref name="field"/>.</summary>
    public void Validate(ValidationErrors errors, string field)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Parse(Start) is null)
        {
            errors.Add(ValidationErrors.Join(field, "start"), "Must be a local time HH:mm.");
        }

        if (Parse(End) is null)
        {
            errors.Add(ValidationErrors.Join(field, "end"), "Must be a local time HH:mm.");
        }

        if (Core.Domain.TimeWindow.ValidateZone(TimeZone) is { } problem)
        {
            errors.Add(ValidationErrors.Join(field, "timeZone"), problem.Length > 200 ? "Unknown time zone." : problem);
        }

        if (Days is { Count: 0 })
        {
            errors.Add(ValidationErrors.Join(field, "days"), "Leave it out for every day, or list at least one day.");
        }
    }

    /// <summary>The window; call only after <see cref="Validate"/> found nothing.</summary>
    public Core.Domain.TimeWindow ToWindow() => new(Parse(Start)!.Value, Parse(End)!.Value, TimeZone, Days);

    private static TimeOnly? Parse(string? value) =>
        TimeOnly.TryParseExact(value, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
}
