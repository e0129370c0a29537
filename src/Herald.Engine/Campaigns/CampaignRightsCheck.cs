using Herald.Engine.Accounts;
using Herald.Engine.Model;
using Herald.Engine.Persistence;
using Microsoft.Extensions.Logging;

namespace Herald.Engine.Campaigns;

/// <summary>
/// The admin-rights check of an invite campaign before its accounts start (R12): each account the campaign names is asked
/// through its platform adapter whether it administers the target chat with the invite right; those that do not leave the
/// campaign (<see cref="CampaignRecord.Excluded"/>, with the reason), the others are armed. A check that fails (the
/// platform cannot answer now, the session is not open) excludes nobody: the account's own actions decide. Each account is
/// checked holding its lease (<see cref="AccountAdminRights"/>); one whose actor holds it is checked once it is free, for up
/// to <see cref="EngineOptions.RightsCheckLeaseWait"/>, and is not excluded when it never was.
/// </summary>
public sealed class CampaignRightsCheck(
    CampaignStore campaigns,
    AccountStore accounts,
    AccountService accountService,
    AccountAdminRights rights,
    EngineOptions options,
    TimeProvider time,
    ILogger<CampaignRightsCheck> logger)
{
    /// <summary>Reason code of an account that is no administrator of the campaign's chat.</summary>
    public const string NotAdminReason = "not_admin";

    /// <summary>Reason code of an administrator without the invite right (<c>can_invite_users</c>).</summary>
    public const string NoInviteRightReason = "no_invite_rights";

    /// <summary>The problem logged for an account whose lease stayed someone else's for the whole wait.</summary>
    public const string AccountBusyProblem = "account_busy";

    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Checks a running campaign whose check is pending, writes the exclusions and ends the check (ETag-guarded, re-read
    /// and re-applied on a conflict), then wakes the accounts it still uses. Returns how many accounts were excluded, or
    /// null when there was nothing to check (gone, preparing, not running yet, or checked already).
    /// </summary>
    public async Task<int?> CheckAsync(string tenantId, string campaignId, CancellationToken cancellationToken = default)
    {
        var campaign = await campaigns.GetAsync(tenantId, campaignId, cancellationToken);
        if (campaign is not { RightsPending: true, Preparing: false, Status: CampaignStatus.Running })
        {
            return null;
        }

        var rows = (await accounts.ListAsync(tenantId, cancellationToken)).Where(campaign.Uses).Where(r => !r.Disabled).ToList();
        var chat = campaign.Campaign.TargetChat!;
        var excluded = await ReasonsToExcludeAsync(campaign, rows, chat, cancellationToken);
        var after = await campaigns.UpdateAsync(tenantId, campaignId, c =>
        {
            if (!c.RightsPending || c.Campaign.TargetChat != chat)
            {
                return false; // checked meanwhile, or its chat changed (a check of the new chat follows)
            }

            foreach (var (accountId, reason) in excluded)
            {
                c.Exclude(accountId, reason);
            }

            c.RightsPending = false;
            return true;
        }, cancellationToken);
        Log.RightsChecked(logger, tenantId, campaignId, rows.Count, excluded.Count);
        if (after is { RightsPending: false, Status: CampaignStatus.Running })
        {
            await accountService.WakeForAsync(after, cancellationToken);
        }

        return excluded.Count;
    }

    /// <summary>
    /// The reason the account should leave a campaign of <paramref name="chat"/> (<see cref="NotAdminReason"/>,
    /// <see cref="NoInviteRightReason"/>), null when it may invite or the check failed, or its lease's holder's until when
    /// the account could not be checked now.
    /// </summary>
    public async Task<(string? Reason, DateTimeOffset? BusyUntil)> ReasonToExcludeAsync(
        string campaignId, AccountRecord row, string chat, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        AccountAdminRightsResult result;
        try
        {
            result = await rights.CheckAsync(row, chat, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.RightsCheckFailed(logger, row.TenantId, campaignId, row.AccountId, "adapter_error");
            return (null, null);
        }

        switch (result.State)
        {
            case AccountAdminRightsState.Busy:
                return (null, result.BusyUntil);
            case not AccountAdminRightsState.Checked:
                return (null, null); // no adapter in this process (the account waits for one, as its ticks do), or gone
        }

        var check = result.Check!;
        if (check.Problem is { } problem)
        {
            Log.RightsCheckFailed(logger, row.TenantId, campaignId, row.AccountId, problem);
            return (null, null);
        }

        return (!check.IsAdmin ? NotAdminReason : !check.CanInviteUsers ? NoInviteRightReason : null, null);
    }

    // Every account once; those whose actor held the lease again once it may be free, until the wait is over.
    private async Task<Dictionary<string, string>> ReasonsToExcludeAsync(CampaignRecord campaign, List<AccountRecord> rows, string chat, CancellationToken cancellationToken)
    {
        var excluded = new Dictionary<string, string>(StringComparer.Ordinal);
        var deadline = time.GetUtcNow() + options.RightsCheckLeaseWait;
        var pending = rows;
        while (true)
        {
            var busy = new List<AccountRecord>();
            foreach (var row in pending)
            {
                var (reason, busyUntil) = await ReasonToExcludeAsync(campaign.Id, row, chat, cancellationToken);
                if (busyUntil is not null)
                {
                    busy.Add(row);
                }
                else if (reason is not null)
                {
                    excluded[row.AccountId] = reason;
                }
            }

            var left = deadline - time.GetUtcNow();
            if (busy.Count == 0 || left <= TimeSpan.Zero)
            {
                foreach (var row in busy)
                {
                    Log.RightsCheckFailed(logger, campaign.TenantId, campaign.Id, row.AccountId, AccountBusyProblem);
                }

                return excluded;
            }

            await Task.Delay(left < PollEvery ? left : PollEvery, time, cancellationToken);
            pending = busy;
        }
    }
}
