using Herald.Platforms.Abstractions;

namespace Herald.Engine.Accounts;

/// <summary>What became of an admin-rights check under the account's lease (<see cref="AccountAdminRights"/>).</summary>
/// <param name="State">Checked, or why not.</param>
/// <param name="Check">The platform's answer, when checked.</param>
/// <param name="BusyUntil">Until when another holder has the account's lease, when busy.</param>
public sealed record AccountAdminRightsResult(AccountAdminRightsState State, AdminRightsCheck? Check = null, DateTimeOffset? BusyUntil = null);

/// <summary>The states of an <see cref="AccountAdminRightsResult"/>.</summary>
public enum AccountAdminRightsState
{
    /// <summary>The platform answered (<see cref="AccountAdminRightsResult.Check"/>).</summary>
    Checked,

    /// <summary>The account's lease is someone else's (its actor works): nothing was opened.</summary>
    Busy,

    /// <summary>No platform adapter serves the account's platform and kind in this process.</summary>
    NoAdapter,

    /// <summary>The account is gone.</summary>
    Gone,
}
