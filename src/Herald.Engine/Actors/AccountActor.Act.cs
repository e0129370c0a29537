using Herald.Core.Domain;
using Herald.Core.Limits;
using Herald.Engine.Model;
using Herald.Engine.Suppression;

namespace Herald.Engine.Actors;

public sealed partial class AccountActor
{
    /// <summary>The reason code of a target skipped because its recipient is suppressed.</summary>
    public const string SuppressedReason = "suppressed";

    /// <summary>The platform's reason code for a recipient who blocked the bot (suppressed from then on, R34).</summary>
    public const string BlockedByUserReason = "blocked_by_user";

    /// <summary>The platform's reason code for a deleted or deactivated recipient (suppressed: never reachable again).</summary>
    public const string DeactivatedReason = "user_deactivated";

    /// <summary>
    /// Acts on the claimed targets one after another (one account never has two actions in flight),
    /// then writes the outcomes not yet written in one conditional transaction. Targets not reached by
    /// <paramref name="sendUntil"/> go back to pending. <see cref="TargetRun.Fenced"/> when the attempt was fenced off.
    /// </summary>
    private async Task<TargetRun> ProcessAsync(
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

            var resting = row.State.IsBlocked || context.LeftWith is not null
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
                TargetRunner.Finish(target, TargetStatus.Skipped, SuppressedReason, counters);
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
}
