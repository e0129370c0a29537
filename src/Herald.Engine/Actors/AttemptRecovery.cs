using Herald.Core.Domain;
using Herald.Core.Outcomes;
using Herald.Engine.Diagnostics;
using Herald.Engine.Model;
using Herald.Engine.Persistence;
using Herald.Storage;
using Microsoft.Extensions.Logging;

namespace Herald.Engine.Actors;

/// <summary>
/// Recovery of the attempts that died holding an account's lease (<see cref="AccountRecord.Unrecovered"/>). Their
/// targets are adopted by the attempt that took the lease over: those they finished are counted (their counters were
/// never written), those left in <c>sending</c> are resolved by <see cref="TargetTransitions.ResolveAbandoned"/>.
/// Adopting rewrites their attempt id, and the dead attempts stay listed in the row until the adopting attempt writes
/// its counters, so a crash of that attempt, even halfway through recovering, hands all of them on in turn.
/// <para>
/// It reads only what the dead attempts stamped: the account's <see cref="ClaimMarker"/> in each shard of the
/// campaigns it serves (one point read per shard) and the targets they list (one point read each), never a scan of a
/// campaign's targets, so its cost does not grow with the campaign.
/// </para>
/// </summary>
public sealed class AttemptRecovery(
    CampaignStore campaigns,
    TargetStore targets,
    CounterStore counterStore,
    TargetClaims claims,
    TimeProvider time,
    ILogger<AttemptRecovery> logger)
{
    private const int ReadsAtOnce = 8;

    /// <summary>
    /// Adopts the dead attempts' targets into <paramref name="adopter"/> and counts what they finished into the row's
    /// counters (their campaigns are added to <paramref name="touched"/>). The running campaigns whose last open targets
    /// it resolved (they may be complete now).
    /// </summary>
    internal async Task<IReadOnlyList<CampaignRecord>> RecoverAsync(AccountRecord row, AttemptClaims adopter, HashSet<string> touched, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        var drained = new List<CampaignRecord>();
        var dead = row.Unrecovered.ToHashSet(StringComparer.Ordinal);
        var counted = 0;
        var resolved = 0;
        var resolution = "none";
        var all = await campaigns.ListAsync(row.TenantId, cancellationToken);
        // Ended campaigns too (recently): the rest of a campaign may complete before this account's dead
        // attempt is recovered, and what that attempt finished must still be counted.
        var since = time.GetUtcNow() - TimeSpan.FromDays(1);
        // Names, not Uses: an account that left a campaign still owns what its dead attempt did there.
        foreach (var campaign in all.Where(c => c.Names(row) && (!c.Status.IsTerminal() || c.EndedAt > since)))
        {
            var adopted = await FindStampedAsync(row.AccountId, campaign, dead, cancellationToken);
            if (adopted.Count == 0)
            {
                continue;
            }

            var counters = await counterStore.ForAsync(row, campaign.Id, cancellationToken);
            touched.Add(campaign.Id);
            var tally = new Tally();
            var delivery = campaign.Campaign.Delivery;
            // As stored after the adoption: what reopens shards and tells whether the campaign may have drained.
            var stored = new List<TargetRecord>(adopted.Count);
            foreach (var batch in adopted.GroupBy(t => t.PartitionKey, StringComparer.Ordinal).SelectMany(g => g.Chunk(StorageLimits.MaxTransactionActions)))
            {
                // A shard's adopted targets in one transaction; a conflict (a slow dead attempt wrote an outcome, the
                // orphan sweep resolved one) takes them one by one from what is stored.
                var resolutions = batch.Select(t => Adopt(t, delivery, adopter.Id)).ToList();
                if (await targets.TryCommitAsync(batch, cancellationToken))
                {
                    for (var i = 0; i < batch.Length; i++)
                    {
                        Adopted(batch[i], resolutions[i], adopter, counters, tally);
                    }

                    stored.AddRange(batch);
                    continue;
                }

                foreach (var t in batch)
                {
                    if (await AdoptOneAsync(t, dead, delivery, adopter, counters, tally, cancellationToken) is { } now)
                    {
                        stored.Add(now);
                    }
                }
            }

            counted += tally.Counted;
            resolved += tally.Resolved;
            resolution = tally.Resolution ?? resolution;
            await claims.ReopenShardsAsync(campaign, stored, cancellationToken);

            if (campaign.Status == CampaignStatus.Running && stored.All(t => t.Status != TargetStatus.Pending))
            {
                drained.Add(campaign);
            }
        }

        Log.Recovered(logger, row.TenantId, row.AccountId, string.Join(',', dead), counted, resolved, resolution);
        return drained;
    }

    /// <summary>
    /// One target on its own, read again from storage: adopted while it names a dead attempt (a conflict looks again, a
    /// few times). The target as stored then, or null when it is gone.
    /// </summary>
    private async Task<TargetRecord?> AdoptOneAsync(
        TargetRecord target, HashSet<string> dead, DeliveryMode delivery, AttemptClaims adopter, CampaignCounters counters, Tally tally, CancellationToken cancellationToken)
    {
        var t = await targets.GetAsync(target.PartitionKey, target.RowKey, cancellationToken);
        for (var tries = 0; t?.Attempt is { } owner && dead.Contains(owner) && tries <= 5; tries++)
        {
            var resolution = Adopt(t, delivery, adopter.Id);
            if (await targets.TryCommitAsync(t, cancellationToken))
            {
                Adopted(t, resolution, adopter, counters, tally);
                return t;
            }

            t = await targets.GetAsync(t.PartitionKey, t.RowKey, cancellationToken);
        }

        return t;
    }

    /// <summary>Stamps a dead attempt's target with the adopter, resolving it when it was left in <c>sending</c>: "pending", "unknown", or null (it was not).</summary>
    private string? Adopt(TargetRecord t, DeliveryMode delivery, string adopter)
    {
        t.UpdatedAt = time.GetUtcNow();
        if (t.Status != TargetStatus.Sending)
        {
            t.Attempt = adopter;
            return null;
        }

        return t.ResolveAbandoned(delivery, adopter) ? "pending" : "unknown";
    }

    /// <summary>After an adopted target's write: kept with the adopter while it names it, counted when it is finished.</summary>
    private static void Adopted(TargetRecord t, string? resolution, AttemptClaims adopter, CampaignCounters counters, Tally tally)
    {
        if (resolution is not null)
        {
            tally.Resolved++;
            tally.Resolution = resolution;
        }

        if (t.Attempt == adopter.Id)
        {
            // Stamped with the adopter now: its next claim in the shard keeps it in the marker.
            adopter.Add([t]);
        }

        if (t.Status.IsTerminalTarget())
        {
            tally.Counted++;
            CountRecovered(t, counters);
        }
    }

    /// <summary>The targets of <paramref name="campaign"/> that name one of the dead attempts, found through the account's claim markers.</summary>
    private async Task<List<TargetRecord>> FindStampedAsync(string accountId, CampaignRecord campaign, HashSet<string> dead, CancellationToken cancellationToken)
    {
        var partitions = Enumerable.Range(0, campaign.Shards).Select(s => EngineKeys.TargetPartition(campaign.TenantId, campaign.Id, s)).ToList();
        var markers = new List<ClaimMarker>();
        await Parallel.ForEachAsync(partitions, new ParallelOptions { MaxDegreeOfParallelism = ReadsAtOnce, CancellationToken = cancellationToken }, async (partition, ct) =>
        {
            if (await targets.GetClaimMarkerAsync(partition, accountId, ct) is { } marker && dead.Contains(marker.Attempt))
            {
                lock (markers)
                {
                    markers.Add(marker);
                }
            }
        });

        var keys = markers.SelectMany(m => m.Rows.Select(row => (m.PartitionKey, Row: row))).ToList();
        var found = new List<TargetRecord>();
        await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = ReadsAtOnce, CancellationToken = cancellationToken }, async (key, ct) =>
        {
            if (await targets.GetAsync(key.PartitionKey, key.Row, ct) is { Attempt: { } owner } t && dead.Contains(owner))
            {
                lock (found)
                {
                    found.Add(t);
                }
            }
        });

        // In key order, as the scan found them before.
        return [.. found.OrderBy(t => t.PartitionKey, StringComparer.Ordinal).ThenBy(t => t.RowKey, StringComparer.Ordinal)];
    }

    /// <summary>What one campaign's recovery did, for the log line.</summary>
    private sealed class Tally
    {
        public int Counted { get; set; }

        public int Resolved { get; set; }

        public string? Resolution { get; set; }
    }

    private static void CountRecovered(TargetRecord t, CampaignCounters counters)
    {
        foreach (var kind in (t.Achieved ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Enum.TryParse<DoneKind>(kind, out var done))
            {
                counters.CountDone(done, t.UpdatedAt ?? DateTimeOffset.UnixEpoch);
            }
        }

        counters.CountTerminal(t.Status, t.Reason);
        EngineMetrics.CountFinished(t.Status);
    }
}
