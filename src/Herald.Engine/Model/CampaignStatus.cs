namespace Herald.Engine.Model;

/// <summary>Where a campaign is in its life.</summary>
public enum CampaignStatus
{
    /// <summary>Created with a start time in the future; starts by itself.</summary>
    Scheduled,

    /// <summary>Accounts are working on it.</summary>
    Running,

    /// <summary>Running, but every usable account rests; resumes by itself (derived on read, never stored).</summary>
    Waiting,

    /// <summary>Stopped by the operator; resumes where it stopped.</summary>
    Paused,

    /// <summary>Ended by the operator; what was left is counted as cancelled.</summary>
    Cancelled,

    /// <summary>Every target reached a terminal state, all of them done or skipped.</summary>
    Completed,

    /// <summary>Every target reached a terminal state, some failed or are unknown.</summary>
    CompletedWithErrors,
}

/// <summary>Helpers over <see cref="CampaignStatus"/>.</summary>
public static class CampaignStatusExtensions
{
    /// <summary>True when nothing more will happen to the campaign.</summary>
    public static bool IsTerminal(this CampaignStatus status) =>
        status is CampaignStatus.Cancelled or CampaignStatus.Completed or CampaignStatus.CompletedWithErrors;

    /// <summary>The wire name (<c>completed_with_errors</c>).</summary>
    public static string ToWire(this CampaignStatus status) => status switch
    {
        CampaignStatus.CompletedWithErrors => "completed_with_errors",
        _ => status.ToString().ToLowerInvariant(),
    };
}
