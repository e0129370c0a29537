using Herald.Core.Domain;
using Herald.Core.Outcomes;
using Herald.Engine.Model;
using Herald.Storage.Tables;

namespace Herald.Engine.Actors;

public sealed partial class AccountActor
{
    /// <summary>The reason code of a target whose attempt died while acting (at-most-once).</summary>
    public const string AttemptDiedReason = "attempt_died";

    /// <summary>
    /// The previous attempt died holding the lease. Its targets are adopted by this attempt: those it
    /// finished are counted (its counters were never written), those left in <c>sending</c> are
    /// ambiguous: <c>unknown</c> in at-most-once mode, back to pending in at-least-once mode.
    /// Adopting rewrites their attempt id, so a crash of this attempt hands them on in turn.
    /// </summary>
    private async Task RecoverAsync(AccountRecord row, string previousAttempt, HashSet<string> touched, CancellationToken cancellationToken)
    {
        var attempt = row.LeaseId!;
        var counted = 0;
        var resolved = 0;
        var resolution = "none";
        var all = await campaigns.ListAsync(row.TenantId, cancellationToken);
        // Ended campaigns too (recently): the rest of a campaign may complete before this account's dead
        // attempt is recovered, and what that attempt finished must still be counted.
        var since = time.GetUtcNow() - TimeSpan.FromDays(1);
        foreach (var campaign in all.Where(c => c.Uses(row) && (!c.Status.IsTerminal() || c.EndedAt > since)))
        {
            var filter = TableClient.CreateQueryFilter($"Attempt eq {previousAttempt}");
            var adopted = new List<TargetRecord>();
            await foreach (var t in targets.QueryAsync(row.TenantId, campaign.Id, filter, cancellationToken: cancellationToken))
            {
                adopted.Add(t);
            }

            if (adopted.Count == 0)
            {
                continue;
            }

            var counters = row.CountersFor(campaign.Id);
            touched.Add(campaign.Id);
            foreach (var t in adopted)
            {
                var wasSending = t.Status == TargetStatus.Sending;
                if (wasSending)
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
                if (!await targets.TryCommitAsync(t, cancellationToken))
                {
                    // Changed meanwhile (the dead attempt was only slow and wrote it): leave it to its writer.
                    continue;
                }

                if (t.Status.IsTerminalTarget())
                {
                    counted++;
                    CountRecovered(t, counters);
                }
            }

            foreach (var shard in adopted.Where(t => t.Status == TargetStatus.Pending).Select(t => t.Shard).Distinct())
            {
                await campaigns.UpdateAsync(campaign.TenantId, campaign.Id, c => c.SetExhausted(shard, false), cancellationToken);
            }
        }

        Log.Recovered(logger, row.TenantId, row.AccountId, previousAttempt, counted, resolved, resolution);
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
    }
}
