using System.Collections.Concurrent;
using Herald.Core.Domain;
using Herald.Core.Limits;
using Herald.Core.Outcomes;
using Herald.Core.Pacing;
using Herald.Core.Templates;
using Herald.Core.Work;
using Herald.Engine.Diagnostics;
using Herald.Engine.Model;
using Herald.Engine.Persistence;
using Herald.Engine.Platforms;
using Herald.Platforms.Abstractions;
using Microsoft.Extensions.Logging;

namespace Herald.Engine.Actors;

/// <summary>What running one target came to for its attempt: a value the batch checks, not an exception.</summary>
internal enum TargetRun
{
    /// <summary>The target is done, failed, handed back or in flight as it should be: go on.</summary>
    Ran,

    /// <summary>A conditional write found it changed: the attempt lost its targets to recovery and must stop at once.</summary>
    Fenced,
}

/// <summary>
/// Runs one claimed target: paces each step, renders the message, calls the platform, applies the outcome rules
/// (<see cref="OutcomeRules"/>), and writes what delivery mode asks before the next call. One account never has two
/// actions in flight: the batch (<see cref="AccountActor"/>) runs its targets one after another.
/// </summary>
public sealed class TargetRunner(
    TargetStore targets,
    PlatformResolver platforms,
    PacingPolicy pacing,
    EngineOptions options,
    TimeProvider time,
    ILogger<TargetRunner> logger)
{
    private const int MaxCachedTemplates = 1000;
    private static readonly ConcurrentDictionary<string, MessageTemplate?> Templates = new(StringComparer.Ordinal);

    internal sealed record Batch(
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

    /// <summary>
    /// Runs the campaign's actions on one target, step by step, until it is done, failed or handed back, and writes what
    /// must be written before the next call (<see cref="MarkStartedAsync"/>, <see cref="CommitAtLeastOnceAsync"/>).
    /// <see cref="TargetRun.Fenced"/> when one of those writes found the target taken over: the attempt must stop at once.
    /// </summary>
    internal async Task<TargetRun> RunAsync(Batch ctx, TargetRecord target, CancellationToken cancellationToken)
    {
        if (await RunStepsAsync(ctx, target, cancellationToken) == TargetRun.Fenced)
        {
            return TargetRun.Fenced;
        }

        ctx.Unwritten = target;
        return await CommitAtLeastOnceAsync(ctx, target, cancellationToken);
    }

    private async Task<TargetRun> RunStepsAsync(Batch ctx, TargetRecord target, CancellationToken cancellationToken)
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
                        target.Requeue();
                        return TargetRun.Ran;
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
                    return TargetRun.Ran;
                }

                text = rendered.Value.Text;
            }

            if (!ctx.Lease.Held)
            {
                // The lease may run out before this call would end (a long pacing wait, slow storage): hand it back.
                target.Requeue();
                return TargetRun.Ran;
            }

            if (await MarkStartedAsync(ctx, target, cancellationToken) == TargetRun.Fenced)
            {
                return TargetRun.Fenced;
            }

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
                        return TargetRun.Ran;
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

                    target.Requeue();
                    return TargetRun.Ran;
                case TargetNext.Retry:
                    target.TransientFailures++;
                    target.NotBefore = now + (next.RetryAfter ?? options.TransientBackoff);
                    target.Requeue();
                    return TargetRun.Ran;
                default:
                    if (outcome is ActionOutcome.RecipientGone { Reason: AccountActor.BlockedByUserReason or AccountActor.DeactivatedReason } gone)
                    {
                        ctx.ToSuppress.Add((target.Recipient, gone.Reason));
                    }

                    Finish(target, TargetStatus.Failed, next.Reason ?? "failed", ctx.Counters);
                    return TargetRun.Ran;
            }
        }
    
        return TargetRun.Ran;
    }

    /// <summary>
    /// At-most-once: before a target's platform call, one transaction in its shard writes the previous
    /// target's outcome and marks this one started. A crash then leaves at most the one target in flight
    /// ambiguous; the rest of the claimed batch goes back to pending, and finished ones are counted by
    /// recovery. At-least-once and dry runs need no mark: recovery re-sends, or nothing was sent.
    /// </summary>
    private async Task<TargetRun> MarkStartedAsync(Batch ctx, TargetRecord target, CancellationToken cancellationToken)
    {
        var campaign = ctx.Campaign.Campaign;
        if (target.Started || campaign.DryRun || campaign.Delivery != DeliveryMode.AtMostOnce)
        {
            return TargetRun.Ran;
        }

        target.Started = true;
        target.UpdatedAt = time.GetUtcNow();
        List<TargetRecord> write = ctx.Unwritten is { } previous && previous != target ? [previous, target] : [target];
        if (!await targets.TryCommitAsync(write, cancellationToken))
        {
            return TargetRun.Fenced;
        }

        if (write.Count > 1)
        {
            ctx.Written.Add(write[0]);
        }

        ctx.Unwritten = null;
        return TargetRun.Ran;
    }

    /// <summary>
    /// At-least-once: a target's outcome is written as soon as its call returned, before the next call, so a crash
    /// repeats at most the one call in flight (not the whole batch sent so far).
    /// </summary>
    private async Task<TargetRun> CommitAtLeastOnceAsync(Batch ctx, TargetRecord target, CancellationToken cancellationToken)
    {
        var campaign = ctx.Campaign.Campaign;
        if (campaign.DryRun || campaign.Delivery != DeliveryMode.AtLeastOnce || target.Status == TargetStatus.Sending)
        {
            return TargetRun.Ran;
        }

        target.UpdatedAt = time.GetUtcNow();
        if (!await targets.TryCommitAsync(target, cancellationToken))
        {
            return TargetRun.Fenced;
        }

        ctx.Written.Add(target);
        ctx.Unwritten = null;
        return TargetRun.Ran;
    }

    private async Task<ActionOutcome> ExecuteAsync(Batch ctx, ActionKind action, TargetRecord target, string? text, CancellationToken cancellationToken)
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

    internal static void Finish(TargetRecord target, TargetStatus status, string? reason, CampaignCounters counters)
    {
        target.Status = status;
        target.Reason = reason;
        counters.CountTerminal(status, reason);
        EngineMetrics.CountFinished(status);
    }

    /// <summary>The action as pacing sees it (its chat, when a target is given).</summary>
    internal static PacedAction Paced(CampaignRecord campaign, ActionKind action, TargetRecord? target)
    {
        var chat = target?.Recipient.UserId?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new PacedAction(action, campaign.Id, campaign.MayContainLinks, chat, IsGroupChat: target?.Recipient.UserId < 0);
    }
}
