using System.Collections.Concurrent;
using Herald.Core.Domain;
using Herald.Core.Limits;
using Herald.Core.Outcomes;
using Herald.Core.Templates;
using Herald.Core.Work;
using Herald.Engine.Diagnostics;
using Herald.Engine.Model;
using Herald.Engine.Suppression;
using Herald.Platforms.Abstractions;

namespace Herald.Engine.Actors;

public sealed partial class AccountActor
{
    /// <summary>The reason code of a target skipped because its recipient is suppressed.</summary>
    public const string SuppressedReason = "suppressed";

    /// <summary>The platform's reason code for a recipient who blocked the bot (suppressed from then on, R34).</summary>
    public const string BlockedByUserReason = "blocked_by_user";

    /// <summary>The platform's reason code for a deleted or deactivated recipient (suppressed: never reachable again).</summary>
    public const string DeactivatedReason = "user_deactivated";

    private const int MaxCachedTemplates = 1000;
    private static readonly ConcurrentDictionary<string, MessageTemplate?> Templates = new(StringComparer.Ordinal);

    /// <summary>
    /// Acts on the claimed targets one after another (one account never has two actions in flight),
    /// then writes the outcomes not yet written in one conditional transaction. Targets not reached by
    /// <paramref name="sendUntil"/> go back to pending. False when the attempt was fenced off.
    /// </summary>
    private async Task<bool> ProcessAsync(
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
        var context = new ActContext(row, accountLimits, campaign, counters, attempt, toSuppress, lease);
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
                Requeue(target);
                continue;
            }

            var resting = row.State.IsBlocked || context.LeftWith is not null || context.PausedWith is not null
                || (row.State.CooldownUntil is { } cooldown && cooldown > time.GetUtcNow());
            var late = (i > 0 && sendUntil is { } until && time.GetUtcNow() >= until) || !lease.Held;
            if (resting || late)
            {
                // The account was blocked, told to wait or left the campaign, or its tick has sent for long enough: the rest goes back.
                Requeue(target);
                continue;
            }

            if (suppressed.Contains(SuppressionStore.HashOf(target.Recipient)))
            {
                Finish(target, TargetStatus.Skipped, SuppressedReason, counters);
                continue;
            }

            try
            {
                await RunTargetAsync(context, target, cancellationToken);
                context.Unwritten = target;
                await CommitAtLeastOnceAsync(context, target, cancellationToken);
            }
            catch (FencedException)
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
            return false;
        }

        foreach (var (recipient, reason) in toSuppress)
        {
            await suppressions.AddAsync(row.TenantId, recipient, reason, cancellationToken);
        }

        await ReopenShardsAsync(campaign, claimed, cancellationToken);
        return true;
    }

    /// <summary>
    /// Targets handed back to pending reopen their shards on the campaign row as it is now, not as this tick read it:
    /// another account may have found the shard empty since (it was: this tick held its targets), and a shard left
    /// marked empty is skipped by every claim until the campaign's completion repairs it.
    /// </summary>
    private async Task ReopenShardsAsync(CampaignRecord campaign, IEnumerable<TargetRecord> handedBack, CancellationToken cancellationToken)
    {
        var shards = handedBack.Where(t => t.Status == TargetStatus.Pending).Select(t => t.Shard).Distinct().ToList();
        if (shards.Count == 0)
        {
            return;
        }

        // One read of the row, and one write only when one of the shards was marked empty.
        var fresh = await campaigns.UpdateAsync(campaign.TenantId, campaign.Id, c =>
        {
            var changed = false;
            foreach (var shard in shards)
            {
                changed |= c.SetExhausted(shard, false);
            }

            return changed;
        }, cancellationToken);
        if (fresh is not null)
        {
            campaign.Exhausted = fresh.Exhausted;
        }
    }

    private sealed record ActContext(
        AccountRecord Row,
        AccountLimits Limits,
        CampaignRecord Campaign,
        CampaignCounters Counters,
        string Attempt,
        List<(Recipient Recipient, string Reason)> ToSuppress,
        LeaseHeartbeat Lease)
    {
        /// <summary>At-most-once: the last target acted on, whose outcome goes out with the next target's start mark.</summary>
        public TargetRecord? Unwritten { get; set; }

        /// <summary>Targets whose final state is written (they change no more in this batch).</summary>
        public HashSet<TargetRecord> Written { get; } = new(ReferenceEqualityComparer.Instance);

        /// <summary>Why the account may not do this campaign's action (<see cref="ActionOutcome.NotInCampaign"/>), once it may not.</summary>
        public string? LeftWith { get; set; }

        /// <summary>Why the campaign must pause (<see cref="ActionOutcome.BalanceSpent"/>), once it must.</summary>
        public string? PausedWith { get; set; }
    }

    /// <summary>Runs the campaign's actions on one target, step by step, until it is done, failed or handed back.</summary>
    private async Task RunTargetAsync(ActContext ctx, TargetRecord target, CancellationToken cancellationToken)
    {
        var campaign = ctx.Campaign.Campaign;
        var row = ctx.Row;
        for (var iteration = 0; iteration < campaign.Actions.Count + 2; iteration++)
        {
            var action = target.FallbackPending ? ActionKind.PersonalMessage : campaign.Actions[Math.Min(target.Step, campaign.Actions.Count - 1)];
            var paced = Paced(ctx.Campaign, action, target);
            if (iteration > 0 || row.Kind == AccountKind.Bot)
            {
                // The next step of the same recipient is an action like any other, and so is each send of a bot's
                // batch (per second, per chat, per group): it waits its turn.
                var decision = pacing.Decide(row.State, ctx.Limits, paced, campaign.Schedule, time.GetUtcNow());
                if (!decision.MayAct)
                {
                    var wait = decision.EarliestAt - time.GetUtcNow();
                    if (wait > options.MaxInTickWait)
                    {
                        Requeue(target);
                        return;
                    }

                    await Task.Delay(wait, time, cancellationToken);
                }
            }

            string? text = null;
            if (NeedsText(action, row.Kind) && campaign.MessageTemplate is { } source)
            {
                if (Templates.Count > MaxCachedTemplates)
                {
                    Templates.Clear();
                }

                var template = Templates.GetOrAdd(campaign.Id + "\n" + source, _ => MessageTemplate.Parse(source).Template);
                var rendered = template?.Render(target.Recipient, ctx.Limits.MaxMessageLength);
                if (rendered is not { Success: true })
                {
                    Finish(target, TargetStatus.Failed, "template_error", ctx.Counters);
                    return;
                }

                text = rendered.Value.Text;
            }

            if (!ctx.Lease.Held)
            {
                // The lease may run out before this call would end (a long pacing wait, slow storage): hand it back.
                Requeue(target);
                return;
            }

            await MarkStartedAsync(ctx, target, cancellationToken);
            var outcome = await ExecuteAsync(ctx, action, target, text, cancellationToken);
            EngineMetrics.Actions.Add(1, new KeyValuePair<string, object?>("outcome", OutcomeName(outcome)));
            var now = time.GetUtcNow();
            row.State = pacing.Record(row.State, ctx.Limits, paced, outcome, now);
            var next = OutcomeRules.NextStep(action, outcome, campaign.FallbackToMessage, target.FallbackPending, target.TransientFailures + 1);
            switch (next.Next)
            {
                case TargetNext.Done:
                    var kind = next.Done ?? DoneKind.Messaged;
                    ctx.Counters.CountDone(kind, now, outcome is ActionOutcome.Done { Paid: true });
                    target.Achieved = target.Achieved is null ? kind.ToString() : target.Achieved + "," + kind;
                    if (target.FallbackPending || target.Step >= campaign.Actions.Count - 1)
                    {
                        Finish(target, TargetStatus.Done, null, ctx.Counters);
                        return;
                    }

                    target.Step++;
                    continue;
                case TargetNext.Fallback:
                    target.FallbackPending = true;
                    continue;
                case TargetNext.Requeue:
                    if (outcome is ActionOutcome.RateLimited limited)
                    {
                        ctx.Counters.FloodWaits++;
                        EngineMetrics.FloodWaits.Add(1);
                        Log.RateLimited(logger, row.TenantId, row.AccountId, limited.RetryAfter);
                    }
                    else if (outcome is ActionOutcome.AccountBlocked blocked)
                    {
                        EngineMetrics.AccountBlocks.Add(1);
                        Log.AccountBlocked(logger, row.TenantId, row.AccountId, blocked.Reason);
                    }
                    else if (outcome is ActionOutcome.NotInCampaign left)
                    {
                        // Not this target's fault and not a failure: it goes back for the campaign's other accounts.
                        ctx.LeftWith ??= string.IsNullOrEmpty(left.Reason) ? "not_in_campaign" : left.Reason;
                    }
                    else if (outcome is ActionOutcome.BalanceSpent spent)
                    {
                        // Nothing was sent: the target goes back, and the campaign waits for an operator.
                        ctx.PausedWith ??= string.IsNullOrEmpty(spent.Reason) ? "balance_spent" : spent.Reason;
                    }

                    Requeue(target);
                    return;
                case TargetNext.Retry:
                    target.TransientFailures++;
                    target.NotBefore = now + (next.RetryAfter ?? options.TransientBackoff);
                    Requeue(target);
                    return;
                default:
                    if (outcome is ActionOutcome.RecipientGone { Reason: BlockedByUserReason or DeactivatedReason } gone)
                    {
                        ctx.ToSuppress.Add((target.Recipient, gone.Reason));
                    }

                    Finish(target, TargetStatus.Failed, next.Reason ?? "failed", ctx.Counters);
                    return;
            }
        }
    }

    /// <summary>
    /// At-most-once: before a target's platform call, one transaction in its shard writes the previous
    /// target's outcome and marks this one started. A crash then leaves at most the one target in flight
    /// ambiguous; the rest of the claimed batch goes back to pending, and finished ones are counted by
    /// recovery. At-least-once and dry runs need no mark: recovery re-sends, or nothing was sent.
    /// </summary>
    private async Task MarkStartedAsync(ActContext ctx, TargetRecord target, CancellationToken cancellationToken)
    {
        var campaign = ctx.Campaign.Campaign;
        if (target.Started || campaign.DryRun || campaign.Delivery != DeliveryMode.AtMostOnce)
        {
            return;
        }

        target.Started = true;
        target.UpdatedAt = time.GetUtcNow();
        List<TargetRecord> write = ctx.Unwritten is { } previous && previous != target ? [previous, target] : [target];
        if (!await targets.TryCommitAsync(write, cancellationToken))
        {
            throw new FencedException();
        }

        if (write.Count > 1)
        {
            ctx.Written.Add(write[0]);
        }

        ctx.Unwritten = null;
    }

    /// <summary>
    /// At-least-once: a target's outcome is written as soon as its call returned, before the next call, so a crash
    /// repeats at most the one call in flight (not the whole batch sent so far).
    /// </summary>
    private async Task CommitAtLeastOnceAsync(ActContext ctx, TargetRecord target, CancellationToken cancellationToken)
    {
        var campaign = ctx.Campaign.Campaign;
        if (campaign.DryRun || campaign.Delivery != DeliveryMode.AtLeastOnce || target.Status == TargetStatus.Sending)
        {
            return;
        }

        target.UpdatedAt = time.GetUtcNow();
        if (!await targets.TryCommitAsync(target, cancellationToken))
        {
            throw new FencedException();
        }

        ctx.Written.Add(target);
        ctx.Unwritten = null;
    }

    /// <summary>The attempt lost its targets to recovery (its lease was taken over): it must stop at once.</summary>
    private sealed class FencedException : Exception;

    private async Task<ActionOutcome> ExecuteAsync(ActContext ctx, ActionKind action, TargetRecord target, string? text, CancellationToken cancellationToken)
    {
        var campaign = ctx.Campaign;
        if (campaign.Campaign.DryRun)
        {
            return new ActionOutcome.Done(action switch
            {
                ActionKind.Invite => DoneKind.Invited,
                ActionKind.AddContact => DoneKind.ContactAdded,
                _ => DoneKind.Messaged,
            });
        }

        var row = ctx.Row;
        var adapter = platforms.Find(row.Platform, row.Kind);
        if (adapter is null)
        {
            Log.NoAdapter(logger, row.Platform.ToString(), row.Kind.ToString(), row.TenantId, row.AccountId);
            return new ActionOutcome.AccountBlocked("no_platform_adapter");
        }

        var account = new PlatformAccount(row.TenantId, row.AccountId, row.Kind, row.SecretReference, row.Proxy);
        var request = new PlatformAction(action, target.Recipient, text, campaign.Campaign.TargetChat,
            $"{campaign.Id}:{target.RowKey}:{target.Step}:{(target.FallbackPending ? "f" : "a")}", campaign.Keyboard,
            campaign.Campaign.PaysFor(row.AccountId) ? ctx.Limits.PaidRequestsPerSecond : null);
        try
        {
            return await adapter.ExecuteAsync(account, request, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.PlatformThrew(logger, e, row.TenantId, row.AccountId);
            return new ActionOutcome.Transient("adapter_error");
        }
    }

    private static string OutcomeName(ActionOutcome outcome) => outcome switch
    {
        ActionOutcome.Done => "done",
        ActionOutcome.RateLimited => "rate_limited",
        ActionOutcome.PrivacyRestricted => "privacy_restricted",
        ActionOutcome.AccountBlocked => "account_blocked",
        ActionOutcome.NotInCampaign => "not_in_campaign",
        ActionOutcome.BalanceSpent => "balance_spent",
        ActionOutcome.RecipientGone => "recipient_gone",
        ActionOutcome.Permanent => "permanent",
        _ => "transient",
    };

    private static bool NeedsText(ActionKind action, AccountKind kind) =>
        action is ActionKind.PersonalMessage or ActionKind.BotMessage || (action == ActionKind.Invite && kind == AccountKind.Bot);

    private static void Requeue(TargetRecord target)
    {
        target.Status = TargetStatus.Pending;
        target.Attempt = null;
        target.AccountId = null;
    }

    private static void Finish(TargetRecord target, TargetStatus status, string? reason, CampaignCounters counters)
    {
        target.Status = status;
        target.Reason = reason;
        counters.CountTerminal(status, reason);
        EngineMetrics.CountFinished(status);
    }
}
