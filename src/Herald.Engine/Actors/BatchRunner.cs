using Herald.Core.Domain;
using Herald.Core.Limits;
using Herald.Engine.Campaigns;
using Herald.Engine.Model;
using Herald.Engine.Persistence;
using Herald.Engine.Suppression;
using Microsoft.Extensions.Logging;

namespace Herald.Engine.Actors;

/// <summary>
/// One claimed batch of one account: its targets one after another through <see cref="TargetRunner"/> (pause and cancel
/// looked at before each next one, the rest handed back when the account must rest or its tick has sent long enough),
/// then the outcomes not yet written in one conditional transaction, the recipients to suppress, and the shards of what
/// went back to pending opened again. An account that left the campaign (no rights) or found it could not pay (a spent
/// Stars balance: the campaign pauses) hands the rest back.
/// </summary>
public sealed class BatchRunner(
    CampaignStore campaigns,
    TargetStore targets,
    CounterStore counterStore,
    SuppressionStore suppressions,
    CampaignStatusCache statusCache,
    TargetClaims claims,
    TargetRunner runner,
    TimeProvider time,
    ILogger<BatchRunner> logger)
{
    /// <summary>
    /// Acts on the claimed targets one after another (one account never has two actions in flight),
    /// then writes the outcomes not yet written in one conditional transaction. Targets not reached by
    /// <paramref name="sendUntil"/> go back to pending. <see cref="TargetRun.Fenced"/> when the attempt was fenced off.
    /// </summary>
    internal async Task<TargetRun> RunAsync(
        AccountRecord row,
        AccountLimits accountLimits,
        CampaignRecord campaign,
        List<TargetRecord> claimed,
        string attempt,
        HashSet<string> touched,
        DateTimeOffset? sendUntil,
        LeaseHeartbeat lease,
        CancellationToken cancellationToken)
    {
        var suppressed = await suppressions.GetSetAsync(row.TenantId, cancellationToken);
        var counters = await counterStore.ForAsync(row, campaign.Id, cancellationToken);
        touched.Add(campaign.Id);
        var toSuppress = new List<(Recipient Recipient, string Reason)>();
        var context = new TargetRunner.Batch(row, accountLimits, campaign, counters, attempt, toSuppress, lease);
        var stopped = false;
        var fenced = false;
        for (var i = 0; i < claimed.Count; i++)
        {
            var target = claimed[i];
            if (i > 0 && !stopped)
            {
                // Pause and cancel stop an account after the action in flight: look again before each next one.
                stopped = await statusCache.GetAsync(campaign.TenantId, campaign.Id, cancellationToken) != CampaignStatus.Running;
            }

            if (stopped)
            {
                target.Requeue();
                continue;
            }

            var resting = row.State.IsBlocked || context.LeftWith is not null || context.PausedWith is not null
                || (row.State.CooldownUntil is { } cooldown && cooldown > time.GetUtcNow());
            var late = (i > 0 && sendUntil is { } until && time.GetUtcNow() >= until) || !lease.Held;
            if (resting || late)
            {
                // The account was blocked, told to wait or left the campaign, or its tick has sent for long enough: the rest goes back.
                target.Requeue();
                continue;
            }

            if (suppressed.Contains(SuppressionStore.HashOf(target.Recipient)))
            {
                TargetRunner.Finish(target, TargetStatus.Skipped, AccountActor.SuppressedReason, counters);
                continue;
            }

            if (await runner.RunAsync(context, target, cancellationToken) == TargetRun.Fenced)
            {
                fenced = true;
                break;
            }
        }

        if (context.LeftWith is { } leftWith)
        {
            await LeaveAsync(row, campaign, leftWith, cancellationToken);
        }

        if (context.PausedWith is { } pausedWith)
        {
            await PauseForAsync(row, campaign, pausedWith, cancellationToken);
        }

        // Targets whose final state went out with a later target's start mark (or their own at-least-once write) are
        // not written again: the batch's last write carries only the rest (a full batch of merges slowed each batch's
        // end, between two sends). Every earlier write was conditional, so a fenced attempt was caught there.
        var unwritten = claimed.Where(t => !context.Written.Contains(t)).ToList();
        foreach (var t in unwritten)
        {
            t.UpdatedAt = time.GetUtcNow();
        }

        if (fenced || !await targets.TryCommitAsync(unwritten, cancellationToken))
        {
            return TargetRun.Fenced;
        }

        foreach (var (recipient, reason) in toSuppress)
        {
            await suppressions.AddAsync(row.TenantId, recipient, reason, cancellationToken);
        }

        await claims.ReopenShardsAsync(campaign, claimed, cancellationToken);
        return TargetRun.Ran;
    }

    /// <summary>
    /// The account may not do <paramref name="campaign"/>'s action (no rights in its chat): it leaves that campaign only,
    /// written into the campaign row with its ETag (a conflict re-reads and applies it again). Its targets are already
    /// back to pending for the other accounts; its other campaigns go on.
    /// </summary>
    private async Task LeaveAsync(AccountRecord row, CampaignRecord campaign, string reason, CancellationToken cancellationToken)
    {
        campaign.Exclude(row.AccountId, reason);
        await campaigns.UpdateAsync(campaign.TenantId, campaign.Id, c => c.Exclude(row.AccountId, reason), cancellationToken);
        Log.LeftCampaign(logger, row.TenantId, row.AccountId, campaign.Id, reason);
    }

    /// <summary>
    /// The account could not pay for what <paramref name="campaign"/> asked (a paid broadcast's Stars balance is spent):
    /// the campaign pauses with <paramref name="reason"/>, written into its row with the ETag (a conflict re-reads and
    /// applies it again), until an operator resumes it. The target that met it is already back to pending, and so is the
    /// rest of the batch; the status shows the reason. A campaign no longer running (paused, cancelled) stays as it is.
    /// </summary>
    private async Task PauseForAsync(AccountRecord row, CampaignRecord campaign, string reason, CancellationToken cancellationToken)
    {
        await campaigns.UpdateAsync(campaign.TenantId, campaign.Id, c =>
        {
            if (c.Status != CampaignStatus.Running)
            {
                return false;
            }

            c.Status = CampaignStatus.Paused;
            c.PausedReason = reason;
            return true;
        }, cancellationToken);
        Log.CampaignPausedFor(logger, row.TenantId, row.AccountId, campaign.Id, reason);
    }
}
