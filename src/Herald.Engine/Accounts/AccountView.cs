using Herald.Core.Domain;

namespace Herald.Engine.Accounts;

/// <summary>An account as shown to its operator (R22): never the credential.</summary>
/// <param name="AccountId">The id.</param>
/// <param name="Platform">Its platform.</param>
/// <param name="Kind">Bot or user account.</param>
/// <param name="Name">The operator's label.</param>
/// <param name="Status">active, warming, cooldown, limited, blocked, disabled, or login_required (a user account without a logged-in session: <c>POST /api/accounts/{id}/login</c>).</param>
/// <param name="Until">Until when it rests (cooldown, limited), if it does.</param>
/// <param name="Reason">Why it is blocked or resting (<c>login_required</c> while it waits for its login).</param>
/// <param name="Disabled">Disabled by the operator.</param>
/// <param name="CreatedAt">When it was registered.</param>
/// <param name="ActionsLast15Minutes">Successful actions in the last 15 minutes, across campaigns.</param>
/// <param name="UsageLast24Hours">What it did in the last 24 hours, as its daily caps count it.</param>
/// <param name="Overrides">Its own, stricter limits as set (R16, R35); null when the configured limits apply unchanged.</param>
/// <param name="Limits">The limits in force: the configured ones with <paramref name="Overrides"/> applied.</param>
public sealed record AccountView(
    string AccountId,
    PlatformKind Platform,
    AccountKind Kind,
    string? Name,
    string Status,
    DateTimeOffset? Until,
    string? Reason,
    bool Disabled,
    DateTimeOffset CreatedAt,
    long ActionsLast15Minutes,
    DailyUsage UsageLast24Hours,
    LimitSettings? Overrides,
    EffectiveLimits Limits);
