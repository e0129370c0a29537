namespace Herald.Host.Campaigns;

/// <summary>How long ended campaigns keep their recipients, bound from <c>Herald:Campaigns</c>; validated on start.</summary>
public sealed class CampaignRetentionOptions
{
    /// <summary>The longest retention accepted (10 years).</summary>
    public const int MaxRetentionDays = 3650;

    /// <summary>
    /// Days after it ended (completed or cancelled) that a campaign is deleted with its targets, statistics and report,
    /// 1 to 3650. Default: none (kept until deleted through the API).
    /// </summary>
    public int? RetentionDays { get; set; }

    /// <summary>How often ended campaigns past their retention are looked for. Default: 1 hour.</summary>
    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>True when the values are in range.</summary>
    public bool IsValid => RetentionDays is null or (>= 1 and <= MaxRetentionDays) && RetentionSweepInterval > TimeSpan.Zero;
}
