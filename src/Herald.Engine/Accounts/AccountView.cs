using Herald.Core.Domain;

namespace Herald.Engine.Accounts;

/// <summary>An account as shown to its operator (R22): never the credential.</summary>
/// <param name="AccountId">The id.</param>
/// <param name="Platform">Its platform.</param>
/// <param name="Kind">Bot or user account.</param>
/// <param name="Name">The operator's label.</param>
/// <param name="Status">active, warming, cooldown, limited, blocked or disabled.</param>
/// <param name="Until">Until when it rests (cooldown, limited), if it does.</param>
/// <param name="Reason">Why it is blocked or resting.</param>
/// <param name="Disabled">Disabled by the operator.</param>
/// <param name="CreatedAt">When it was registered.</param>
/// <param name="ActionsLast15Minutes">Successful actions in the last 15 minutes, across campaigns.</param>
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
    long ActionsLast15Minutes);
