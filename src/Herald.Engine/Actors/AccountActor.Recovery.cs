using Herald.Engine.Diagnostics;
using Azure.Data.Tables;
using Herald.Core.Domain;
using Herald.Core.Outcomes;
using Herald.Engine.Model;

namespace Herald.Engine.Actors;

public sealed partial class AccountActor
{
    /// <summary>The reason code of a target whose attempt died while acting (at-most-once).</summary>
    public const string AttemptDiedReason = "attempt_died";

    /// <summary>
    /// Earlier attempts died holding the lease (<see cref="AccountRecord.Unrecovered"/>). Their targets are adopted by
    /// this attempt: those they finished are counted (their counters were never written), those left in
    /// <c>sending</c> are ambiguous: <c>unknown</c> in at-most-once mode, back to pending in at-least-once mode.
    /// Adopting rewrites their attempt id, and the dead attempts stay listed in the row until this attempt writes
    /// its counters, so a crash of this attempt, even halfway through recovering, hands all of them on in turn.
    /// </summary>
    private async Task<IReadOnlyList<CampaignRecord>> RecoverAsync(AccountRecord row, HashSet<string> touched, CancellationToken cancellationToken)
    {
        var drained = new List<CampaignRecord>();
        var attempt = row.LeaseId!;
        var dead = row.Unrecovered.ToHashSet(StringComparer.Ordinal);
        var counted = 0;
        var resolved = 0;
        var resolution = "none";
        var all = await campaigns.ListAsync(row.TenantId, cancellationToken);
        // Ended campaigns too (recently): the rest of a campaign may complete before this account's dead
        // attempt is recovered, and what that attempt finished must still be counted.
        var since = time.GetUtcNow() - TimeSpan.FromDays(1);
        var filter = string.Join(" or ", dead.Select(a => TableClient.CreateQueryFilter($"Attempt eq {a}")));
        // Names, not Uses: an account that left a campaign still owns what its dead attempt did there.
        foreach (var campaign in all.Where(c => c.Names(row) && (!c.Status.IsTerminal() || c.EndedAt > since)))
        {
            var adopted = new List<TargetRecord>();
            await foreach (var t in targets.QueryAsync(row.TenantId, campaign.Id, filter, cancellationToken: cancellationToken))
            {
                adopted.Add(t);
            }

            if (adopted.Count == 0)
            {
                continue;
            }

            var counters = await counterStore.ForAsync(row, campaign.Id, cancellationToken);
            touched.Add(campaign.Id);
            foreach (var found in adopted)
            {
                var t = found;
                for (var tries = 0; ; tries++)
                {
                    if (t.Status == TargetStatus.Sending)
                    {
                        resolved++;
                        if (campaign.Campaign.Delivery == DeliveryMode.AtLeastOnce || !t.Started)
                        {
                            // At-least-once, or never reached the platform: safe to hand to any account.
                            resolution = "pending";
                            Requeue(t);
                        }
                        else
                        {
                            resolution = "unknown";
                            t.Status = TargetStatus.Unknown;
                            t.Reason = AttemptDiedReason;
                            t.Attempt = attempt;
                        }
                    }
                    else
                    {
                        t.Attempt = attempt;
                    }

                    t.UpdatedAt = time.GetUtcNow();
                    if (await targets.TryCommitAsync(t, cancellationToken))
                    {
                        if (t.Status.IsTerminalTarget())
                        {
                            counted++;
                            CountRecovered(t, counters);
                        }

                        break;
                    }

                    // Changed meanwhile: a dead attempt that was only slow wrote its outcome (it is fenced off now and
                    // will not count it), or the orphan sweep resolved it. Look again; ours while it names a dead attempt.
                    var fresh = await targets.GetAsync(t.PartitionKey, t.RowKey, cancellationToken);
                    if (fresh?.Attempt is not { } owner || !dead.Contains(owner) || tries >= 5)
                    {
                        break;
                    }

                    t = fresh;
                }
            }

            await ReopenShardsAsync(campaign, adopted, cancellationToken);

            if (campaign.Status == CampaignStatus.Running && adopted.All(t => t.Status != TargetStatus.Pending))
            {
                drained.Add(campaign);
            }
        }

        Log.Recovered(logger, row.TenantId, row.AccountId, string.Join(',', dead), counted, resolved, resolution);
        return drained;
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
