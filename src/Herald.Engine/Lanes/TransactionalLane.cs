using Herald.Core.Domain;
using Herald.Core.Limits;
using Herald.Core.Outcomes;
using Herald.Core.Pacing;
using Herald.Engine.Actors;
using Herald.Engine.Model;
using Herald.Engine.Persistence;
using Herald.Platforms.Abstractions;
using Microsoft.Extensions.Logging;

namespace Herald.Engine.Lanes;

/// <summary>
/// The account actor's transactional lane (R14, seed 002: two queues per bot, round-robin): single messages the API
/// put in the account's lane (<see cref="LaneStore"/>) are sent by the actor that holds the account's lease, a turn of
/// at most <see cref="MaxTurn"/> between two broadcast batches, each paced by the account's state like a broadcast
/// send. So both lanes share one budget wherever the lease is, a broadcast never starves single messages, and single
/// messages never push the bot over its limits. At most once, as the broadcast's targets: a claim writes
/// <c>pending → sending(attempt)</c>, each call is preceded by a <c>Started</c> mark (written with the previous
/// outcome in one transaction), and a dead attempt's started message becomes <see cref="LaneStatus.Unknown"/>, never
/// sent again; one not started goes back to pending.
/// </summary>
public sealed class TransactionalLane(
    LaneStore store,
    IEnumerable<ISingleMessagePlatform> platforms,
    PlatformLimits limits,
    PacingPolicy pacing,
    EngineOptions options,
    TimeProvider time,
    ILogger<TransactionalLane> logger)
{
    /// <summary>Most single messages one turn sends before the broadcast gets its turn.</summary>
    public const int MaxTurn = 30;

    /// <summary>The reason a message is refused when its account was disabled after it was queued.</summary>
    public const string AccountDisabled = "account_disabled";

    /// <summary>The reason a message is refused when the platform blocked its account.</summary>
    public const string AccountBlocked = "account_blocked";

    private readonly IReadOnlyList<ISingleMessagePlatform> _platforms = [.. platforms];

    /// <summary>Sends one turn of the account's lane; see the type's remarks.</summary>
    internal async Task<LaneDrain> DrainAsync(AccountRecord row, string attempt, LeaseHeartbeat lease, DateTimeOffset? sendUntil, CancellationToken cancellationToken)
    {
        var platform = _platforms.FirstOrDefault(p => p.Platform == row.Platform && p.Handles(row.Kind));
        if (platform is null || !lease.Held)
        {
            return LaneDrain.Empty;
        }

        var open = await store.FindOpenAsync(row.TenantId, row.AccountId, MaxTurn, cancellationToken);
        if (open.Count == 0)
        {
            return LaneDrain.Empty;
        }

        var now = time.GetUtcNow();
        if (!await RecoverAsync(row, attempt, open, now, cancellationToken))
        {
            return new LaneDrain(0, now);
        }

        var pending = open.Where(m => m.Status == LaneStatus.Pending).ToList();
        if (row.Disabled || row.State.IsBlocked)
        {
            foreach (var m in pending)
            {
                m.Status = LaneStatus.Refused;
                m.Refusal = row.Disabled ? AccountDisabled : AccountBlocked;
                m.CompletedAt = now;
            }

            await store.TryCommitAsync(pending, cancellationToken);
            return LaneDrain.Empty;
        }

        foreach (var m in pending)
        {
            m.Status = LaneStatus.Sending;
            m.Attempt = attempt;
            m.Started = false;
        }

        if (!await store.TryCommitAsync(pending, cancellationToken))
        {
            return new LaneDrain(0, now);
        }

        var (sent, nextAt, fenced) = await SendAsync(row, platform, pending, lease, sendUntil, cancellationToken);
        if (sent > 0)
        {
            Log.LaneDrained(logger, row.TenantId, row.AccountId, sent);
        }

        // A full turn may have left more behind it: look again soon.
        return new LaneDrain(sent, nextAt ?? (open.Count >= MaxTurn ? time.GetUtcNow() : null), fenced);
    }

    // Messages left in sending by another attempt: that attempt died or lost the lease (the lease is this attempt's).
    private async Task<bool> RecoverAsync(AccountRecord row, string attempt, List<LaneMessage> open, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var orphans = open.Where(m => m.Status == LaneStatus.Sending && m.Attempt != attempt).ToList();
        if (orphans.Count == 0)
        {
            return true;
        }

        foreach (var m in orphans)
        {
            if (m.Started)
            {
                m.Status = LaneStatus.Unknown;
                m.CompletedAt = now;
            }
            else
            {
                m.Status = LaneStatus.Pending;
                m.Attempt = null;
            }
        }

        Log.LaneRecovered(logger, row.TenantId, row.AccountId, orphans.Count, orphans.Count(m => m.Status == LaneStatus.Unknown));
        return await store.TryCommitAsync(orphans, cancellationToken);
    }

    private async Task<(int Sent, DateTimeOffset? NextAt, bool Fenced)> SendAsync(
        AccountRecord row, ISingleMessagePlatform platform, List<LaneMessage> claimed, LeaseHeartbeat lease, DateTimeOffset? sendUntil, CancellationToken cancellationToken)
    {
        var accountLimits = limits.For(row.Platform, row.Kind, row.Overrides);
        var account = new PlatformAccount(row.TenantId, row.AccountId, row.Kind, row.SecretReference, row.Proxy);
        LaneMessage? unwritten = null;
        DateTimeOffset? nextAt = null;
        var sent = 0;
        var i = 0;
        for (; i < claimed.Count; i++)
        {
            var message = claimed[i];
            if (!lease.Held || (i > 0 && sendUntil is { } until && time.GetUtcNow() >= until))
            {
                nextAt = time.GetUtcNow();
                break;
            }

            var paced = new PacedAction(ActionKind.BotMessage, Chat: message.Command.ChatId, IsGroupChat: message.Command.ChatId.StartsWith('-') || message.Command.ChatId.StartsWith('@'));
            var decision = pacing.Decide(row.State, accountLimits, paced, CampaignSchedule.Always, time.GetUtcNow());
            if (!decision.MayAct)
            {
                var wait = decision.EarliestAt - time.GetUtcNow();
                if (wait > options.MaxInTickWait || !lease.Held)
                {
                    // Resting (a cooldown): the rest waits in the lane for when the account may act.
                    nextAt = decision.EarliestAt == DateTimeOffset.MaxValue ? null : decision.EarliestAt;
                    break;
                }

                await Task.Delay(wait, time, cancellationToken);
            }

            message.Started = true;
            List<LaneMessage> mark = unwritten is null ? [message] : [unwritten, message];
            if (!await store.TryCommitAsync(mark, cancellationToken))
            {
                return (sent, null, true);
            }

            unwritten = null;
            var result = await ExecuteAsync(platform, account, message.Command, cancellationToken);
            sent++;
            var at = time.GetUtcNow();
            row.State = pacing.Record(row.State, accountLimits, paced, ToOutcome(result), at);
            message.CompletedAt = at;
            message.PlatformMessageId = result.PlatformMessageId;
            message.Error = result.Error;
            message.Refusal = result.AccountUnusable;
            message.Status = result.IsOk ? LaneStatus.Done : result.AccountUnusable is not null ? LaneStatus.Refused : LaneStatus.Failed;
            unwritten = message;
        }

        // The last outcome, and the rest of the claim back to pending, in one write.
        var rest = claimed.Skip(i).ToList();
        foreach (var m in rest)
        {
            m.Status = LaneStatus.Pending;
            m.Attempt = null;
            m.Started = false;
        }

        List<LaneMessage> final = unwritten is null ? rest : [unwritten, .. rest];
        return await store.TryCommitAsync(final, cancellationToken) ? (sent, nextAt, false) : (sent, null, true);
    }

    private async Task<SingleMessageResult> ExecuteAsync(ISingleMessagePlatform platform, PlatformAccount account, SingleMessageCommand command, CancellationToken cancellationToken)
    {
        try
        {
            return await platform.ExecuteAsync(account, command, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.LaneThrew(logger, e, account.TenantId, account.AccountId);
            return new SingleMessageResult(new PlatformError("network", 0, "The platform call failed on the way."));
        }
    }

    // For the account's pacing state: every call counts; a bad account blocks it (as a broadcast send would). A 429
    // is not a cooldown of the whole account here: the platform's limiter already holds the chat (or the bot).
    private static ActionOutcome ToOutcome(SingleMessageResult result) =>
        result.IsOk ? new ActionOutcome.Done(DoneKind.Messaged)
        : result.AccountUnusable is { } reason ? new ActionOutcome.AccountBlocked(reason)
        : new ActionOutcome.Transient("single_message_failed");
}
