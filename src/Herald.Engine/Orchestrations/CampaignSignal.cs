namespace Herald.Engine.Orchestrations;

/// <summary>
/// What a campaign's orchestration is told after the campaign row changed. The row is the truth (the accounts read it
/// before every action): a signal only makes the orchestration look again, so a lost or repeated one is harmless.
/// </summary>
public enum CampaignSignal
{
    /// <summary>An operator paused it.</summary>
    Paused,

    /// <summary>An operator resumed it.</summary>
    Resumed,

    /// <summary>An operator cancelled it.</summary>
    Cancelled,

    /// <summary>An operator moved its start time (before it started).</summary>
    Rescheduled,

    /// <summary>An account found no work left in it (its shards drained) and may have completed it.</summary>
    Drained,
}
