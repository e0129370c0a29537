namespace Herald.Core.Work;

/// <summary>Whether a campaign can move now, and if not, when it resumes.</summary>
/// <param name="State">Running, waiting, not started or outside its window.</param>
/// <param name="ResumeAt">
/// When not running: the earliest time any account may act for it. Null when no account ever will (all blocked or
/// none assigned): it resumes when an account is added or unblocked.
/// </param>
/// <param name="Available">Accounts acting or only pausing between actions.</param>
/// <param name="Resting">Accounts in cooldown or with a used-up daily cap.</param>
/// <param name="Blocked">Blocked accounts.</param>
public readonly record struct CampaignReadiness(CampaignRunState State, DateTimeOffset? ResumeAt, int Available, int Resting, int Blocked);
