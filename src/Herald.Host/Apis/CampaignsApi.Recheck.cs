using Herald.Engine.Campaigns;
using Herald.Host.Audit;
using Herald.Host.Campaigns;
using Herald.Host.Resources;
using Herald.Host.Tenancy;
using Herald.Host.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Host.Apis;

public static partial class CampaignsApi
{
    /// <summary>
    /// Checks again the admin rights of an account the invite campaign excluded (after its user fixed them): 200 with
    /// its place in the campaign (taken back when it now may invite; still out, with its reason, otherwise or when the
    /// platform could not answer); 404 for an unknown campaign or an account it does not use; 409 when the campaign
    /// invites into no chat, has ended, has its own check pending, the account is not excluded, no adapter serves it
    /// here, or its worker holds it now (<c>busyUntil</c>: try again then).
    /// </summary>
    internal static async Task<Results<Ok<AccountRecheckResponse>, ProblemHttpResult>> RecheckAccountAsync(
        string id, string accountId, ITenantContext tenant, CampaignAccountRecheck recheck, IAuditLog audit, CancellationToken cancellationToken)
    {
        if (!ResourceIds.IsValid(id))
        {
            return NotFound(id);
        }

        if (!ResourceIds.IsValid(accountId))
        {
            return ProblemFactory.NotFound("No such account.");
        }

        var done = await recheck.RecheckAsync(tenant.TenantId, id, accountId, cancellationToken);
        var status = new Dictionary<string, object?> { ["campaignStatus"] = done.CampaignStatus };
        switch (done.Result)
        {
            case AccountRecheckResult.CampaignNotFound:
                return NotFound(id);
            case AccountRecheckResult.AccountNotFound:
                return ProblemFactory.NotFound($"Campaign {id} uses no account {accountId}.");
            case AccountRecheckResult.NotInvite:
                return ProblemFactory.Conflict($"Campaign {id} invites into no chat: there are no admin rights to check.", status);
            case AccountRecheckResult.Ended:
                return ProblemFactory.Conflict($"Campaign {id} has ended; its accounts are no longer checked.", status);
            case AccountRecheckResult.CheckPending:
                return ProblemFactory.Conflict($"Campaign {id} checks its accounts' rights now (this one too); look at its status once that is done.", status);
            case AccountRecheckResult.NotExcluded:
                return ProblemFactory.Conflict($"Account {accountId} is not excluded from campaign {id}: there is nothing to check again.", status);
            case AccountRecheckResult.NoAdapter:
                return ProblemFactory.Conflict($"No platform adapter serves account {accountId} in this host yet.", status);
            case AccountRecheckResult.Busy:
                return AccountsApi.AccountBusy(accountId, done.BusyUntil!.Value);
        }

        var check = done.Check!;
        await audit.RecordAsync(tenant, "campaign.recheck", Resource, id, new Dictionary<string, string>
        {
            ["accountId"] = accountId,
            ["excluded"] = done.Excluded ? done.Reason ?? "true" : "false",
            ["problem"] = check.Problem ?? "",
        }, cancellationToken);
        return TypedResults.Ok(new AccountRecheckResponse(
            id, accountId, done.Chat!, done.Excluded, done.Reason, check.IsAdmin, check.CanInviteUsers, check.Problem, done.CampaignStatus!));
    }
}
