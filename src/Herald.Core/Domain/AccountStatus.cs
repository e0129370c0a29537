namespace Herald.Core.Domain;

/// <summary>
/// What an account is doing right now, as shown to operators (R22). Computed from the
/// account's <see cref="Pacing.AccountState"/> at a moment by <see cref="Pacing.PacingPolicy.GetStatus"/>.
/// </summary>
public enum AccountStatus
{
    /// <summary>Fully warmed up and free to act (subject to the normal pause between actions).</summary>
    Active,

    /// <summary>A new account still on its warm-up ramp: its daily caps are a share of the full ones.</summary>
    Warming,

    /// <summary>Resting because the platform asked it to wait (FloodWait / 429), until a known time.</summary>
    Cooldown,

    /// <summary>Resting because a rolling 24-hour cap is used up, until the oldest action leaves the window.</summary>
    Limited,

    /// <summary>Restricted by the platform (PEER_FLOOD, revoked session, ban): never used again until unblocked.</summary>
    Blocked,
}
