namespace Herald.Core.Pacing;

/// <summary>Why an account may not act yet.</summary>
public enum PacingReason
{
    /// <summary>It may act now.</summary>
    None,

    /// <summary>The pause between actions (jittered, with the adaptive factor), or the even spread of a daily cap.</summary>
    Pause,

    /// <summary>A bot's per-second, per-chat or per-group budget is used up for the moment.</summary>
    Rate,

    /// <summary>A rolling 24-hour cap is used up.</summary>
    DailyCap,

    /// <summary>The reduced cap of a warming account is used up (the full cap is not).</summary>
    Warmup,

    /// <summary>The platform asked the account to wait.</summary>
    Cooldown,

    /// <summary>The campaign's delayed start has not come yet.</summary>
    NotStarted,

    /// <summary>The campaign's daily time window is closed.</summary>
    OutsideWindow,

    /// <summary>The account is blocked; it will not act again.</summary>
    Blocked,
}
