namespace Herald.Engine.Orchestrations;

/// <summary>What the orchestration needs of the campaign row to decide its next step (read by an activity).</summary>
public sealed record CampaignSnapshot(
    bool Exists,
    string Status,
    bool Preparing,
    bool Terminal,
    bool Scheduled,
    bool Paused,
    DateTimeOffset? StartAt,
    long Processed,
    int Total,
    int Prepared,
    bool RightsPending = false)
{
    /// <summary>The snapshot of a campaign that was deleted.</summary>
    public static CampaignSnapshot Gone { get; } = new(false, "deleted", false, true, false, false, null, 0, 0, 0);

    /// <summary>A running invite campaign whose accounts' admin rights are to be checked before they start (R12).</summary>
    public bool RightsDue => Exists && RightsPending && !Preparing && !Terminal && !Scheduled && !Paused;
}
