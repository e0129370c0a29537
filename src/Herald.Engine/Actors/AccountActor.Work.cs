using Herald.Engine.Diagnostics;
using Herald.Core.Domain;
using Herald.Core.Limits;
using Herald.Core.Pacing;
using Herald.Core.Work;
using Herald.Engine.Model;

namespace Herald.Engine.Actors;

public sealed partial class AccountActor
{
    /// <summary>What a tick decided: when to come back (null parks the actor), and what it did.</summary>
    private sealed record WorkPlan(
        DateTimeOffset? NextAt,
        int Acted = 0,
        string? CampaignId = null,
        bool Fenced = false,
        IReadOnlyList<CampaignRecord>? CompletionCandidates = null,
        Task<EarlyClaim?>? Ahead = null,
        bool FullSpeed = false)
    {
        public IReadOnlyList<CampaignRecord> MaybeComplete => CompletionCandidates ?? [];
    }

    /// <summary>
    /// One batch for a user account. A bot goes on with batch after batch in the same tick (each send still waits its
    /// turn) while it has work due now, for up to <see cref="EngineOptions.MaxBotTickDuration"/> and while its lease is
    /// held: a new tick per batch would cost the bot a queue round trip, a lease and a poll of the queue each second,
    /// time in which it could have sent.
    /// </summary>
    private async Task<WorkPlan> WorkAsync(AccountRecord row, AttemptClaims attempt, HashSet<string> touched, LeaseHeartbeat lease, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var limit = BotTickLimit;
        // However slowly the platform answers, a bot's batch stops sending here and hands the rest of its claim back,
        // so a tick stays bounded (new batches start only within the shorter limit above).
        DateTimeOffset? sendUntil = row.Kind == AccountKind.Bot ? time.GetUtcNow() + options.MaxBotSendWindow : null;
        var acted = 0;
        var complete = new Dictionary<string, CampaignRecord>(StringComparer.Ordinal);
        Task<EarlyClaim?>? ahead = null;
        // Campaigns this account left in this tick: a list read before (an early claim's) may still show it using them.
        var left = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var early = ahead is null ? null : await ahead;
            // Round-robin (seed 002): a turn of the transactional lane, then a broadcast batch.
            var turn = await lane.DrainAsync(row, attempt.Id, lease, sendUntil, cancellationToken);
            if (turn.Fenced)
            {
                await HandBackAsync(early, cancellationToken);
                return new WorkPlan(null, Fenced: true);
            }

            var plan = WithLane(await WorkOnceAsync(row, attempt, touched, left, sendUntil, lease, early, started, cancellationToken), turn);
            await HandBackAsync(early, cancellationToken);
            ahead = plan.Ahead;
            acted += plan.Acted;
            foreach (var campaign in plan.MaybeComplete)
            {
                complete[campaign.Id] = campaign;
            }

            var goOn = row.Kind == AccountKind.Bot && !plan.Fenced && plan.Acted > 0 && lease.Held
                && plan.NextAt is { } next && next <= time.GetUtcNow()
                && time.GetElapsedTime(started) < limit;
            if (!goOn)
            {
                if (ahead is not null)
                {
                    await HandBackAsync(await ahead, cancellationToken);
                }

                return plan with { Acted = acted, CompletionCandidates = [.. complete.Values], Ahead = null };
            }
        }
    }

    /// <summary>How long one bot tick may go on starting batches: <see cref="EngineOptions.MaxBotTickDuration"/>.</summary>
    private TimeSpan BotTickLimit => options.MaxBotTickDuration;

    /// <summary>
    /// One batch: choose a campaign, claim, act. <paramref name="early"/> is the batch claimed while the previous one
    /// was sent (<see cref="ClaimPipelining"/>): used when the same campaign is chosen again, else handed back by the
    /// caller. The returned plan may carry the next early claim, already under way.
    /// </summary>
    private async Task<WorkPlan> WorkOnceAsync(
        AccountRecord row, AttemptClaims attempt, HashSet<string> touched, HashSet<string> left, DateTimeOffset? sendUntil, LeaseHeartbeat lease, EarlyClaim? early, long tickStarted,
        CancellationToken cancellationToken)
    {
        if (row.Disabled || row.State.IsBlocked)
        {
            return new WorkPlan(null);
        }

        if (!lease.Held)
        {
            // Storage was too slow to renew the lease: end the tick, come back at once.
            return new WorkPlan(time.GetUtcNow());
        }

        var now = time.GetUtcNow();
        var accountLimits = limits.For(row.Platform, row.Kind, row.Overrides);
        var running = early?.Running ?? await ListRunningAsync(row, cancellationToken);
        if (running.Count == 0)
        {
            return new WorkPlan(null);
        }

        // Without an adapter for this kind of account (a host configured without the platform), only dry
        // runs can proceed; the account waits rather than failing work it never tried.
        var canAct = platforms.Find(row.Platform, row.Kind) is not null;
        if (!canAct)
        {
            Log.NoAdapter(logger, row.Platform.ToString(), row.Kind.ToString(), row.TenantId, row.AccountId);
        }

        var open = running.Where(c => !c.AllShardsExhausted && (canAct || c.Campaign.DryRun) && c.Uses(row) && !left.Contains(c.Id))
            .ToDictionary(c => c.Id, StringComparer.Ordinal);
        DateTimeOffset? retryAt = null;
        var complete = new List<CampaignRecord>();
        while (open.Count > 0)
        {
            var candidates = open.Values.Select(ToCandidate).ToList();
            var choice = chooser.Choose(BatchState(row), accountLimits, candidates, now);
            if (!choice.IsAct)
            {
                // Resting (cooldown, cap, pause, window) or nothing runnable: come back when it may act.
                return new WorkPlan(choice.NextAt ?? now + options.IdlePoll, CompletionCandidates: complete);
            }

            var campaign = open[choice.CampaignId!];
            var action = choice.Action!.Value;
            var campaignLimits = PaidLimits(accountLimits, campaign, row);
            using var campaignScope = logger.BeginScope(new Dictionary<string, object?> { ["CampaignId"] = campaign.Id });
            var count = 1;
            var pipelined = false;
            var fullSpeed = false;
            if (row.Kind == AccountKind.Bot)
            {
                var budget = pacing.GetBatchBudget(BatchState(row), campaignLimits, TargetRunner.Paced(campaign, action, null), campaign.Campaign.Schedule, now);
                if (budget.Count <= 0)
                {
                    return new WorkPlan(budget.NextAt, CompletionCandidates: complete);
                }

                // A bot held back by storage (many bots, each sending well under its budget) claims what it may send in
                // the seconds its tick may go on: one claim query per second of sending would be most of the storage's
                // work. A bot sending at full speed claims one second's worth, so its sends are not held up by large
                // claim and outcome writes; so does every bot once a shard is found empty (the campaign's last stretch),
                // so no bot is left with a long tail while the others have nothing.
                fullSpeed = row.State.RecentSends.CountSince(now, TimeSpan.FromSeconds(1)) * 2 >= budget.Count;
                var seconds = fullSpeed || campaign.AnyShardExhausted ? 1 : Math.Max(1, (int)BotTickLimit.TotalSeconds);
                count = (int)Math.Min((long)budget.Count * seconds, options.MaxBotBatch);
                pipelined = options.PipelineClaims && ClaimPipelining.ShouldPrefetch(fullSpeed, campaign.AnyShardExhausted, budget.Reason == PacingReason.Rate,
                    lease.Held, count, budget.Count, time.GetElapsedTime(tickStarted), BotTickLimit);
            }

            Claim claim;
            if (early is { Taken: false } prefetched && prefetched.CampaignId == campaign.Id && prefetched.Claim.Targets.Count > 0)
            {
                prefetched.Taken = true;
                claim = prefetched.Claim;
            }
            else
            {
                var claimStarted = time.GetTimestamp();
                claim = await claims.ClaimAsync(row.AccountId, campaign, attempt, count, now, cancellationToken);
                EngineMetrics.ClaimDuration.Record(time.GetElapsedTime(claimStarted).TotalMilliseconds);
            }

            if (campaign.AllShardsExhausted || claim.Targets.Count < count)
            {
                // The campaign is draining: this tick may write its last outcomes, so it asks for completion
                // (a cheap re-read of the row unless every shard is empty).
                complete.Add(campaign);
            }

            if (claim.Targets.Count == 0)
            {
                retryAt = Earliest(retryAt, claim.RetryAt);
                open.Remove(campaign.Id);
                continue;
            }

            // The next batch is claimed while this one is sent, so no claim sits between two sends.
            var ahead = pipelined && claim.Targets.Count >= count ? PrefetchAsync(row, campaign.Id, attempt, count, cancellationToken) : null;
            if (await batches.RunAsync(row, campaignLimits, campaign, claim.Targets, attempt.Id, touched, sendUntil, lease, cancellationToken) == TargetRun.Fenced)
            {
                return new WorkPlan(null, Fenced: true, Ahead: ahead);
            }

            if (!campaign.Uses(row))
            {
                left.Add(campaign.Id);
            }

            var after = time.GetUtcNow();
            DateTimeOffset? next = row.State.IsBlocked ? null
                : row.Kind == AccountKind.Bot
                    ? NextBotTick(row, campaignLimits, campaign, action, after)
                    : pacing.Decide(row.State, campaignLimits, TargetRunner.Paced(campaign, action, null), campaign.Campaign.Schedule, after).EarliestAt;
            if (next == DateTimeOffset.MaxValue)
            {
                next = null;
            }

            return new WorkPlan(next, claim.Targets.Count, campaign.Id, CompletionCandidates: complete, Ahead: ahead, FullSpeed: fullSpeed);
        }

        // Running campaigns, none with a target to claim now: poll again (requeued targets may come back).
        return new WorkPlan(Earliest(retryAt, now + options.IdlePoll), CompletionCandidates: complete);
    }

    // A campaign that pays for this bot's broadcast sends at the bot's paid rate (issue 16); the platform's limiter decides
    // which sends are paid.
    private static AccountLimits PaidLimits(AccountLimits accountLimits, CampaignRecord campaign, AccountRecord row) =>
        row.Kind == AccountKind.Bot && campaign.Campaign.PaysFor(row.AccountId) ? accountLimits.WithPaidBroadcast() : accountLimits;

    private DateTimeOffset NextBotTick(AccountRecord row, AccountLimits accountLimits, CampaignRecord campaign, ActionKind action, DateTimeOffset now)
    {
        var budget = pacing.GetBatchBudget(BatchState(row), accountLimits, TargetRunner.Paced(campaign, action, null), campaign.Campaign.Schedule, now);
        return budget.Count > 0 ? now : budget.NextAt;
    }

    /// <summary>
    /// The state a tick decides on before it claims. A bot's sends of the last second are left out: each send of its
    /// batch waits for its own turn (<see cref="PacingPolicy.Decide"/> with its chat, in <c>RunTargetAsync</c>), so they
    /// only delay the batch by under a second. Counted here as well, they would shrink each batch to what the
    /// previous one left over, or put the next tick off by a whole second (the queue counts whole seconds), and
    /// leave a bot idle a third of the time.
    /// </summary>
    private static AccountState BatchState(AccountRecord row) =>
        row.Kind == AccountKind.Bot ? row.State with { RecentSends = RecentSends.Empty } : row.State;

    private CampaignCandidate ToCandidate(CampaignRecord c)
    {
        IReadOnlyList<ActionKind> actions = c.Campaign.FallbackToMessage
            ? [.. c.Campaign.Actions.Distinct(), ActionKind.PersonalMessage]
            : [.. c.Campaign.Actions.Distinct()];
        return new CampaignCandidate(c.Id, c.Campaign.Priority, c.RunnableSince ?? c.CreatedAt, actions, c.Campaign.Schedule, c.MayContainLinks);
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;
}
