using Herald.Engine.Model;

namespace Herald.Engine.Campaigns;

/// <summary>The answer to pause, resume or cancel.</summary>
/// <param name="Campaign">The campaign as it is now, or null when there is none.</param>
/// <param name="Conflict">Why the request cannot apply (e.g. resuming a completed campaign), or null.</param>
public sealed record ControlOutcome(CampaignRecord? Campaign, string? Conflict = null)
{
    /// <summary>True when there is no such campaign.</summary>
    public bool NotFound => Campaign is null;
}
