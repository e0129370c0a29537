namespace Herald.Host.Campaigns;

/// <summary>When a campaign's targets are written in the background, bound from <c>Herald:Campaigns</c>.</summary>
public sealed class CampaignPreparationOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Herald:Campaigns";

    /// <summary>
    /// A campaign created from an import with more recipients than this answers at once with status <c>preparing</c>
    /// while its orchestration writes its targets (fan-out over chunks); smaller ones (and inline lists) are written before the answer.
    /// Default: 5,000.
    /// </summary>
    public int BackgroundAbove { get; set; } = 5000;
}
