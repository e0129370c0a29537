using Herald.Engine.Accounts;
using Herald.Engine.Model;
using Herald.Engine.Persistence;

namespace Herald.Engine.Campaigns;

/// <summary>
/// Checks again the admin rights of an account an invite campaign excluded (R12: <c>not_admin</c>, <c>no_invite_rights</c>,
/// <c>chat_admin_required</c>), once its user fixed them: holding the account's lease (<see cref="AccountAdminRights"/>),
/// and when it now may invite into the campaign's chat it is taken back (an ETag-guarded change of the campaign's row,
/// re-applied on a conflict, and only while the chat is the one checked) and woken to work on it.
/// </summary>
public sealed class CampaignAccountRecheck(CampaignStore campaigns, AccountStore accounts, AccountAdminRights rights, AccountService accountService)
{
    /// <summary>Re-checks <paramref name="accountId"/> in <paramref name="campaignId"/>; see <see cref="AccountRecheckResult"/>.</summary>
    public async Task<AccountRecheck> RecheckAsync(string tenantId, string campaignId, string accountId, CancellationToken cancellationToken = default)
    {
        var campaign = await campaigns.GetAsync(tenantId, campaignId, cancellationToken);
        if (campaign is null)
        {
            return new AccountRecheck(AccountRecheckResult.CampaignNotFound);
        }

        var row = await accounts.GetAsync(tenantId, accountId, cancellationToken);
        var state = Refusal(campaign, row);
        if (state is { } refused)
        {
            return new AccountRecheck(refused, campaign.Excluded.ContainsKey(accountId), campaign.Excluded.GetValueOrDefault(accountId), CampaignStatus: campaign.WireStatus);
        }

        var chat = campaign.Campaign.TargetChat!;
        var result = await rights.CheckAsync(row!, chat, cancellationToken);
        switch (result.State)
        {
            case AccountAdminRightsState.Busy:
                return new AccountRecheck(AccountRecheckResult.Busy, true, campaign.Excluded[accountId], BusyUntil: result.BusyUntil, CampaignStatus: campaign.WireStatus);
            case AccountAdminRightsState.NoAdapter:
                return new AccountRecheck(AccountRecheckResult.NoAdapter, true, campaign.Excluded[accountId], CampaignStatus: campaign.WireStatus);
            case AccountAdminRightsState.Gone:
                return new AccountRecheck(AccountRecheckResult.AccountNotFound);
        }

        var check = result.Check!;
        string? reason = check.Problem is not null ? null
            : !check.IsAdmin ? CampaignRightsCheck.NotAdminReason
            : !check.CanInviteUsers ? CampaignRightsCheck.NoInviteRightReason
            : "";
        var after = reason is null ? campaign : await campaigns.UpdateAsync(tenantId, campaignId, c =>
        {
            if (c.Campaign.TargetChat != chat || !c.Excluded.TryGetValue(accountId, out var was))
            {
                return false; // its chat changed (that check decides), or it was taken back meanwhile
            }

            if (reason.Length == 0)
            {
                return c.Excluded.Remove(accountId);
            }

            c.Excluded[accountId] = reason;
            return was != reason;
        }, cancellationToken) ?? campaign;
        var excluded = after.Excluded.TryGetValue(accountId, out var now);
        if (!excluded && after.Status == CampaignStatus.Running)
        {
            await accountService.WakeAsync(tenantId, accountId, cancellationToken);
        }

        return new AccountRecheck(AccountRecheckResult.Checked, excluded, now, check, CampaignStatus: after.WireStatus, Chat: chat);
    }

    private static AccountRecheckResult? Refusal(CampaignRecord campaign, AccountRecord? row) => campaign switch
    {
        _ when row is null || !campaign.Names(row) && !campaign.Excluded.ContainsKey(row.AccountId) => AccountRecheckResult.AccountNotFound,
        { NeedsRightsCheck: false } => AccountRecheckResult.NotInvite,
        _ when campaign.Status.IsTerminal() => AccountRecheckResult.Ended,
        _ when !campaign.Excluded.ContainsKey(row.AccountId) => AccountRecheckResult.NotExcluded,
        { RightsPending: true } => AccountRecheckResult.CheckPending,
        _ => null,
    };
}
