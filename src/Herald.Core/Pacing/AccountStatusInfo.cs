using Herald.Core.Domain;

namespace Herald.Core.Pacing;

/// <summary>An account's status at a moment (R22), with the time it changes when known.</summary>
/// <param name="Status">Active, warming, cooldown, limited or blocked.</param>
/// <param name="Until">When a cooldown ends, a cap frees up, or the warm-up completes; null otherwise.</param>
/// <param name="Reason">For a blocked account, why.</param>
public readonly record struct AccountStatusInfo(AccountStatus Status, DateTimeOffset? Until = null, string? Reason = null);
