using Herald.Core.Domain;
using Herald.Engine.Model;
using Herald.Engine.Persistence;
using Herald.Storage;

namespace Herald.Engine.Actors;

/// <summary>What a claim took: the targets now in <c>sending</c> for the attempt, or when to look again (none yet due).</summary>
internal sealed record Claim(List<TargetRecord> Targets, DateTimeOffset? RetryAt);

/// <summary>
/// Claims of a campaign's targets and the shard marks that go with them: <c>pending → sending(attempt)</c> in one
/// conditional transaction per shard (with the account's <see cref="ClaimMarker"/> there), a shard found with no pending
/// target marked exhausted in the campaign row, and a shard opened again when targets go back to pending. The one place
/// the actor, recovery and <see cref="Campaigns.CampaignCompletion"/> change those marks.
/// </summary>
public sealed class TargetClaims(CampaignStore campaigns, TargetStore targets, TimeProvider time)
{
    /// <summary>
    /// Claims up to <paramref name="count"/> pending targets for <paramref name="attempt"/>. Shards are tried from a
    /// random one on; a shard found with no pending target is marked exhausted in the campaign row.
    /// </summary>
    internal async Task<Claim> ClaimAsync(string accountId, CampaignRecord campaign, AttemptClaims attempt, int count, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // One action of the transaction is the claim marker.
        count = Math.Min(count, StorageLimits.MaxTransactionActions - 1);
        DateTimeOffset? retryAt = null;
        var empty = new List<int>();
        var shards = campaign.Shards;
        var first = Random.Shared.Next(shards);
        for (var i = 0; i < shards; i++)
        {
            var shard = (first + i) % shards;
            if (campaign.IsExhausted(shard))
            {
                continue;
            }

            var partition = EngineKeys.TargetPartition(campaign.TenantId, campaign.Id, shard);
            for (var tries = 0; tries < 3; tries++)
            {
                var startRow = EngineKeys.TargetRow(Random.Shared.Next(Math.Max(1, campaign.Total)));
                var rows = await targets.FindPendingAsync(partition, startRow, Math.Min(StorageLimits.MaxTransactionActions, count * 2), cancellationToken);
                if (rows.Count == 0)
                {
                    empty.Add(shard);
                    break;
                }

                var eligible = rows.Select(TargetRecord.FromEntity).Where(t => t.NotBefore is not { } nb || nb <= now).ToList();
                if (eligible.Count == 0)
                {
                    retryAt = Earliest(retryAt, rows.Select(TargetRecord.FromEntity).Min(t => t.NotBefore));
                    break;
                }

                var picked = eligible.OrderBy(_ => Random.Shared.Next()).Take(count).ToList();
                foreach (var t in picked)
                {
                    t.Status = TargetStatus.Sending;
                    t.Attempt = attempt.Id;
                    t.AccountId = accountId;
                    t.Achieved = null;
                    t.Started = false;
                    t.UpdatedAt = now;
                }

                if (await targets.TryCommitAsync(picked, attempt.MarkerWith(partition, picked), cancellationToken))
                {
                    attempt.Add(picked);
                    await MarkExhaustedAsync(campaign, empty, cancellationToken);
                    return new Claim(picked, null);
                }

                // Another account claimed some of them first: look again.
            }
        }

        await MarkExhaustedAsync(campaign, empty, cancellationToken);
        return new Claim([], retryAt);
    }

    /// <summary>
    /// Puts claimed targets that were never started back to pending and opens their shards again. False when the write
    /// conflicted (the attempt was fenced off: recovery hands them back instead).
    /// </summary>
    internal async Task<bool> HandBackAsync(CampaignRecord campaign, List<TargetRecord> claimed, CancellationToken cancellationToken)
    {
        foreach (var t in claimed)
        {
            t.Requeue();
            t.UpdatedAt = time.GetUtcNow();
        }

        if (!await targets.TryCommitAsync(claimed, cancellationToken))
        {
            return false;
        }

        await ReopenShardsAsync(campaign, claimed, cancellationToken);
        return true;
    }

    /// <summary>
    /// Targets handed back to pending reopen their shards on the campaign row as it is now, not as the tick read it:
    /// another account may have found the shard empty since (it was: this tick held its targets), and a shard left
    /// marked empty is skipped by every claim until the campaign's completion repairs it.
    /// </summary>
    internal async Task ReopenShardsAsync(CampaignRecord campaign, IEnumerable<TargetRecord> handedBack, CancellationToken cancellationToken)
    {
        var shards = handedBack.Where(t => t.Status == TargetStatus.Pending).Select(t => t.Shard).Distinct().ToList();
        if (shards.Count == 0)
        {
            return;
        }

        if (await ReopenAsync(campaign.TenantId, campaign.Id, shards, cancellationToken) is { } fresh)
        {
            campaign.Exhausted = fresh.Exhausted;
        }
    }

    /// <summary>
    /// Marks <paramref name="shards"/> as holding pending targets again: one read of the campaign row, and one write only
    /// when one of them was marked empty. The row as it is then, or null when the campaign is gone.
    /// </summary>
    public Task<CampaignRecord?> ReopenAsync(string tenantId, string campaignId, IReadOnlyCollection<int> shards, CancellationToken cancellationToken = default) =>
        SetExhaustedAsync(tenantId, campaignId, shards, false, cancellationToken);

    /// <summary>Marks the shards found empty in one write of the campaign row (a hot row at the end of a campaign).</summary>
    private async Task MarkExhaustedAsync(CampaignRecord campaign, List<int> shards, CancellationToken cancellationToken)
    {
        if (shards.Count == 0)
        {
            return;
        }

        foreach (var shard in shards)
        {
            campaign.SetExhausted(shard, true);
        }

        var fresh = await SetExhaustedAsync(campaign.TenantId, campaign.Id, shards, true, cancellationToken);
        if (fresh is null)
        {
            return;
        }

        // A target handed back to pending between this claim's look and this write reopened its shard before the write,
        // which marked it empty again. Looking once more after the write closes that gap: a target handed back later
        // reopens the shard after this write (ReopenShardsAsync reads the row after its targets' commit).
        var refilled = new List<int>();
        foreach (var shard in shards.Where(fresh.IsExhausted))
        {
            if (await targets.HasPendingAsync(EngineKeys.TargetPartition(campaign.TenantId, campaign.Id, shard), cancellationToken))
            {
                refilled.Add(shard);
            }
        }

        if (refilled.Count > 0)
        {
            fresh = await ReopenAsync(campaign.TenantId, campaign.Id, refilled, cancellationToken) ?? fresh;
        }

        campaign.Exhausted = fresh.Exhausted;
    }

    private Task<CampaignRecord?> SetExhaustedAsync(string tenantId, string campaignId, IReadOnlyCollection<int> shards, bool exhausted, CancellationToken cancellationToken) =>
        campaigns.UpdateAsync(tenantId, campaignId, c =>
        {
            var changed = false;
            foreach (var shard in shards)
            {
                changed |= c.SetExhausted(shard, exhausted);
            }

            return changed;
        }, cancellationToken);

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;
}
