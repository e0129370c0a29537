namespace Herald.Core.Work;

/// <summary>A running campaign's state as seen from its accounts (R20).</summary>
public enum CampaignRunState
{
    /// <summary>At least one account is acting or only pausing between actions.</summary>
    Running,

    /// <summary>Every account rests (cooldown, daily cap, warm-up cap) or is blocked: the campaign resumes by itself.</summary>
    Waiting,

    /// <summary>Its delayed start has not come yet.</summary>
    NotStarted,

    /// <summary>Its daily time window is closed.</summary>
    OutsideWindow,
}
