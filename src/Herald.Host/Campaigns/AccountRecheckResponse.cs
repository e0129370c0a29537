namespace Herald.Host.Campaigns;

/// <summary>The answer of <c>POST /api/campaigns/{id}/accounts/{accountId}/recheck</c>: the account's place in the campaign after the check.</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="AccountId">The account.</param>
/// <param name="Chat">The campaign's chat, where the rights were checked.</param>
/// <param name="Excluded">Still out of the campaign (false: it works on it again).</param>
/// <param name="Reason">Why it is out (<c>not_admin</c>, <c>no_invite_rights</c>…), when it is.</param>
/// <param name="IsAdmin">The check found it an administrator (or the creator).</param>
/// <param name="CanInviteUsers">The check found the invite right.</param>
/// <param name="Problem">Why the check could not answer (the exclusion then stays as it was), or null.</param>
/// <param name="CampaignStatus">The campaign's status.</param>
public sealed record AccountRecheckResponse(
    string CampaignId, string AccountId, string Chat, bool Excluded, string? Reason, bool IsAdmin, bool CanInviteUsers, string? Problem, string CampaignStatus);
