using Herald.Core.Limits;

namespace Herald.Core.Domain;

/// <summary>
/// A messenger account as registered: what it is and which limits apply. Its moving state (cooldown,
/// counters, pacing) lives in <see cref="Pacing.AccountState"/>; the credential lives in the secret store.
/// </summary>
/// <param name="TenantId">The owning tenant.</param>
/// <param name="Id">Herald's id of the account.</param>
/// <param name="Platform">The platform the account belongs to.</param>
/// <param name="Kind">Bot or user account.</param>
/// <param name="Overrides">Per-account limits; they may only lower the configured ones (R35).</param>
public sealed record Account(
    string TenantId,
    string Id,
    PlatformKind Platform,
    AccountKind Kind,
    LimitOverrides? Overrides = null);
