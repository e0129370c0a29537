using Azure.Data.Tables;
using Herald.Core.Domain;
using Herald.Engine.Actors;
using Herald.Engine.Model;
using Herald.Engine.Orchestrations;
using Herald.Engine.Persistence;
using Microsoft.Extensions.Logging;

namespace Herald.Engine.Campaigns;

/// <summary>
/// Ends a running campaign once every target is terminal: <c>completed</c>, or
/// <c>completed_with_errors</c> when any failed or is unknown. Asked by the tick that wrote outcomes
/// into a campaign whose shards are all exhausted (which then tells the campaign's orchestration), and by the
/// orchestration itself when it looks at a running campaign.
/// </summary>
public sealed class CampaignCompletion(
    CampaignStore campaigns,
    TargetStore targets,
    TargetClaims claims,
    ICampaignLifecycle lifecycle,
    EngineOptions options,
    TimeProvider time,
    ILogger<CampaignCompletion> logger)
{
    /// <summary>Most pending targets one look reads to find the shards to open again.</summary>
    private const int MaxPendingScan = 1000;

    /// <summary>The attempt id an orphan resolved as unknown is left with (no account's attempt recovers it again).</summary>
    private const string OrphanOwner = "orphan";

    /// <summary>
    /// Completes the campaign when nothing is left; otherwise repairs what keeps it open. When it completed the campaign
    /// and <paramref name="signal"/> holds, tells the campaign's orchestration (<see cref="CampaignSignal.Drained"/>).
    /// </summary>
    public async Task TryCompleteAsync(CampaignRecord campaign, bool signal = true, CancellationToken cancellationToken = default)
    {
        var fresh = await campaigns.GetAsync(campaign.TenantId, campaign.Id, cancellationToken);
        if (fresh is not { Status: CampaignStatus.Running, AllShardsExhausted: true, Preparing: false })
        {
            return;
        }

        var open = await targets.FindFirstAsync(fresh.TenantId, fresh.Id, [TargetStatus.Pending, TargetStatus.Sending], cancellationToken);
        if (open is { Status: TargetStatus.Pending })
        {
            // Targets went back to pending after their shards were found empty: open every such shard again in one write
            // (one shard per look left the rest of a campaign's last targets unclaimed for a look each).
            var shards = await PendingShardsAsync(fresh, open, cancellationToken);
            await claims.ReopenAsync(fresh.TenantId, fresh.Id, shards, cancellationToken);
            return;
        }

        if (open is { Status: TargetStatus.Sending })
        {
            await ResolveOrphanAsync(fresh, open, cancellationToken);
            return;
        }

        var errors = await targets.FindFirstAsync(fresh.TenantId, fresh.Id, [TargetStatus.Failed, TargetStatus.Unknown], cancellationToken);
        var status = errors is null ? CampaignStatus.Completed : CampaignStatus.CompletedWithErrors;
        var now = time.GetUtcNow();
        var done = await campaigns.UpdateAsync(fresh.TenantId, fresh.Id, c =>
        {
            if (c.Status != CampaignStatus.Running || !c.AllShardsExhausted || c.Preparing)
            {
                return false;
            }

            c.Status = status;
            c.EndedAt = now;
            return true;
        }, cancellationToken);
        if (done?.Status == status && done.EndedAt == now)
        {
            Log.CampaignStatusChanged(logger, fresh.TenantId, fresh.Id, status.ToWire());
            if (signal)
            {
                await lifecycle.SignalAsync(fresh.TenantId, fresh.Id, CampaignSignal.Drained, cancellationToken);
            }
        }
    }

    /// <summary>
    /// The shards that hold a pending target, from a scan of the campaign's pending targets: few once every shard was
    /// found empty; the scan stops after <see cref="MaxPendingScan"/> rows (what is left is found by the next look).
    /// </summary>
    private async Task<HashSet<int>> PendingShardsAsync(CampaignRecord campaign, TargetRecord first, CancellationToken cancellationToken)
    {
        var shards = new HashSet<int> { first.Shard };
        var seen = 0;
        var pending = TableClient.CreateQueryFilter($"Status eq {nameof(TargetStatus.Pending)}");
        await foreach (var t in targets.QueryAsync(campaign.TenantId, campaign.Id, pending, cancellationToken: cancellationToken))
        {
            shards.Add(t.Shard);
            if (++seen >= MaxPendingScan || shards.Count >= campaign.Shards)
            {
                break;
            }
        }

        return shards;
    }

    /// <summary>
    /// A target still in <c>sending</c> long after any lease could hold it belongs to an attempt whose
    /// account is gone (removed while acting). Its own account would recover it; nobody else will.
    /// </summary>
    private async Task ResolveOrphanAsync(CampaignRecord campaign, TargetRecord target, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (target.UpdatedAt is { } at && now - at < options.OrphanAfter)
        {
            return; // in flight, or its account's next tick will recover it
        }

        var requeued = target.ResolveAbandoned(campaign.Campaign.Delivery, OrphanOwner);
        target.UpdatedAt = now;
        if (!await targets.TryCommitAsync(target, cancellationToken))
        {
            return;
        }

        if (requeued)
        {
            await claims.ReopenAsync(campaign.TenantId, campaign.Id, [target.Shard], cancellationToken);
        }
        else
        {
            await campaigns.UpdateAsync(campaign.TenantId, campaign.Id, c =>
            {
                c.OrphansUnknown++;
                return true;
            }, cancellationToken);
        }
    }
}
