using Herald.Engine.Model;

namespace Herald.Host.Campaigns;

/// <summary>The answer of <c>PATCH /api/campaigns/{id}</c>: the changeable part of the campaign as it is now.</summary>
/// <param name="Id">The campaign id.</param>
/// <param name="Status">Its status (scheduled).</param>
/// <param name="Name">Its name.</param>
/// <param name="Message">Its message template.</param>
/// <param name="StartAt">When it starts.</param>
/// <param name="TimeWindow">Its daily window, if any.</param>
/// <param name="Priority">Its priority.</param>
public sealed record CampaignDefinitionResponse(
    string Id, string Status, string? Name, string? Message, DateTimeOffset? StartAt, TimeWindowResponse? TimeWindow, int Priority)
{
    /// <summary>The answer for a campaign row.</summary>
    public static CampaignDefinitionResponse From(CampaignRecord campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var c = campaign.Campaign;
        var w = c.Schedule.Window;
        var window = w is null ? null : new TimeWindowResponse(w.Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), w.End.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), w.TimeZoneId, w.Days);
        return new CampaignDefinitionResponse(campaign.Id, campaign.WireStatus, campaign.Name, c.MessageTemplate, c.Schedule.StartAt, window, c.Priority);
    }
}

/// <summary>A daily sending window as answered.</summary>
/// <param name="Start">Local opening time, <c>HH:mm</c>.</param>
/// <param name="End">Local closing time, <c>HH:mm</c>.</param>
/// <param name="TimeZone">The IANA time zone.</param>
/// <param name="Days">The days it opens on; null for every day.</param>
public sealed record TimeWindowResponse(string Start, string End, string TimeZone, IReadOnlyCollection<DayOfWeek>? Days);
