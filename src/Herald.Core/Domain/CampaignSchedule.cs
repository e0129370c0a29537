namespace Herald.Core.Domain;

/// <summary>When a campaign may act: not before <see cref="StartAt"/>, and only inside <see cref="Window"/> (R2).</summary>
/// <param name="StartAt">A delayed start, or null to start at once.</param>
/// <param name="Window">The daily sending window, or null for any time of day.</param>
public sealed record CampaignSchedule(DateTimeOffset? StartAt = null, TimeWindow? Window = null)
{
    /// <summary>No delayed start and no window: always runnable.</summary>
    public static CampaignSchedule Always { get; } = new();

    /// <summary>How long the campaign may act on an open day (24 h without a window).</summary>
    public TimeSpan OpenPerDay => Window?.OpenPerDay ?? TimeSpan.FromDays(1);

    /// <summary>True when the campaign may act at <paramref name="instant"/>.</summary>
    public bool IsOpen(DateTimeOffset instant) =>
        (StartAt is not { } start || instant >= start) && (Window is null || Window.Contains(instant));

    /// <summary>The first instant at or after <paramref name="instant"/> when the campaign may act.</summary>
    public DateTimeOffset NextOpen(DateTimeOffset instant)
    {
        var t = StartAt is { } start && start > instant ? start : instant;
        return Window?.NextOpen(t) ?? t;
    }
}
