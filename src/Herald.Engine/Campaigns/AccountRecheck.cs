using Herald.Platforms.Abstractions;

namespace Herald.Engine.Campaigns;

/// <summary>What <see cref="CampaignAccountRecheck.RecheckAsync"/> did.</summary>
/// <param name="Result">Whether the check ran, or why not.</param>
/// <param name="Excluded">After it: whether the account is still out of the campaign.</param>
/// <param name="Reason">Why it is out, when it is.</param>
/// <param name="Check">The platform's answer, when the check ran (a <see cref="AdminRightsCheck.Problem"/> leaves the exclusion as it was).</param>
/// <param name="BusyUntil">Until when the account's worker holds it, when <see cref="AccountRecheckResult.Busy"/>.</param>
/// <param name="CampaignStatus">The campaign's wire status.</param>
/// <param name="Chat">The campaign's chat, where the rights were checked.</param>
public sealed record AccountRecheck(
    AccountRecheckResult Result,
    bool Excluded = false,
    string? Reason = null,
    AdminRightsCheck? Check = null,
    DateTimeOffset? BusyUntil = null,
    string? CampaignStatus = null,
    string? Chat = null);

/// <summary>The results of an <see cref="AccountRecheck"/>.</summary>
public enum AccountRecheckResult
{
    /// <summary>The check ran: the account is back in the campaign, or still out with its (possibly new) reason.</summary>
    Checked,

    /// <summary>The account was not excluded from the campaign: nothing to re-check.</summary>
    NotExcluded,

    /// <summary>No such campaign.</summary>
    CampaignNotFound,

    /// <summary>No such account.</summary>
    AccountNotFound,

    /// <summary>The campaign invites into no chat (no admin rights to check).</summary>
    NotInvite,

    /// <summary>The campaign has ended.</summary>
    Ended,

    /// <summary>The campaign's own check of its chat has not run yet (it checks this account too).</summary>
    CheckPending,

    /// <summary>The account's worker holds it now: its session is not opened beside it.</summary>
    Busy,

    /// <summary>No platform adapter serves the account here.</summary>
    NoAdapter,
}
