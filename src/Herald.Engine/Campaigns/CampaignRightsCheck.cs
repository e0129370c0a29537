using Herald.Engine.Accounts;
using Herald.Engine.Model;
using Herald.Engine.Persistence;
using Herald.Engine.Platforms;
using Herald.Platforms.Abstractions;
using Microsoft.Extensions.Logging;

namespace Herald.Engine.Campaigns;

/// <summary>
/// The admin-rights check of an invite campaign before its accounts start (R12): each account the campaign names is asked
/// through its platform adapter whether it administers the target chat with the invite right; those that do not leave the
/// campaign (<see cref="CampaignRecord.Excluded"/>, with the reason), the others are armed. A check that fails (the
/// platform cannot answer now, the session is not open) excludes nobody: the account's own actions decide.
/// </summary>
public sealed class CampaignRightsCheck(
    CampaignStore campaigns,
    AccountStore accounts,
    AccountService accountService,
    PlatformResolver platforms,
    ILogger<CampaignRightsCheck> logger)
{
    /// <summary>Reason code of an account that is no administrator of the campaign's chat.</summary>
    public const string NotAdminReason = "not_admin";

    /// <summary>Reason code of an administrator without the invite right (<c>can_invite_users</c>).</summary>
    public const string NoInviteRightReason = "no_invite_rights";

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

        var excluded = new Dictionary<string, string>(StringComparer.Ordinal);
        var rows = (await accounts.ListAsync(tenantId, cancellationToken)).Where(campaign.Uses).Where(r => !r.Disabled).ToList();
        var chat = campaign.Campaign.TargetChat!;
        foreach (var row in rows)
        {
            if (await ReasonToExcludeAsync(campaign, row, chat, cancellationToken) is { } reason)
            {
                excluded[row.AccountId] = reason;
            }
        }

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

    private async Task<string?> ReasonToExcludeAsync(CampaignRecord campaign, AccountRecord row, string chat, CancellationToken cancellationToken)
    {
        var adapter = platforms.Find(row.Platform, row.Kind);
        if (adapter is null)
        {
            return null; // no adapter in this process: the account waits for one, as its ticks do
        }

        var account = new PlatformAccount(row.TenantId, row.AccountId, row.Kind, row.SecretReference, row.Proxy);
        AdminRightsCheck check;
        try
        {
            check = await adapter.CheckAdminRightsAsync(account, chat, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.RightsCheckFailed(logger, campaign.TenantId, campaign.Id, row.AccountId, "adapter_error");
            return null;
        }
        finally
        {
            // The check ran outside the account's lease: let go of what one process at a time may hold (a TDLib
            // session), before the account's worker, possibly in another process, opens it to act.
            if (await platforms.TryReleaseAsync(row) is { } e)
            {
                Log.RightsCheckFailed(logger, campaign.TenantId, "-", row.AccountId, "release_failed: " + e.GetType().Name);
            }
        }

        if (check.Problem is { } problem)
        {
            Log.RightsCheckFailed(logger, campaign.TenantId, campaign.Id, row.AccountId, problem);
            return null;
        }

        return !check.IsAdmin ? NotAdminReason : !check.CanInviteUsers ? NoInviteRightReason : null;
    }
}
