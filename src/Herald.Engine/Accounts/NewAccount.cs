using Herald.Core.Domain;
using Herald.Core.Limits;

namespace Herald.Engine.Accounts;

/// <summary>An account to register. The credential is already in the secret store; only its reference comes here.</summary>
/// <param name="TenantId">The owning tenant.</param>
/// <param name="AccountId">The id to give it, or null for a new one.</param>
/// <param name="Platform">Its platform.</param>
/// <param name="Kind">Bot or user account.</param>
/// <param name="SecretReference">Where the credential lives.</param>
/// <param name="Name">An operator's label.</param>
/// <param name="Overrides">Stricter limits for this account (R35).</param>
/// <param name="WarmUp">Start the warm-up ramp now (a new account, R22).</param>
/// <param name="Proxy">Network route (R23).</param>
/// <param name="LoginRequired">It has no logged-in session yet: registered disabled and <c>login_required</c>, never woken.</param>
public sealed record NewAccount(
    string TenantId,
    string? AccountId,
    PlatformKind Platform,
    AccountKind Kind,
    string SecretReference,
    string? Name = null,
    LimitOverrides? Overrides = null,
    bool WarmUp = false,
    string? Proxy = null,
    bool LoginRequired = false);
