using Herald.Core.Limits;
using Herald.Core.Pacing;
using Herald.Core.Work;
using Herald.Engine.Campaigns;
using Herald.Engine.Diagnostics;
using Herald.Engine.Lanes;
using Herald.Engine.Model;
using Herald.Engine.Persistence;
using Herald.Engine.Platforms;
using Herald.Engine.Ticks;
using Herald.Engine.Workers;
using Microsoft.Extensions.Logging;

namespace Herald.Engine.Actors;

/// <summary>
/// Runs one tick of one account actor: take the account row by ETag (the lease), recover a dead
/// previous attempt, pick a campaign, claim targets, act through the platform, record outcomes,
/// update counters and pacing, schedule the next tick. Safety (never two live ticks, never two
/// actions at once) comes from the tick id and the lease in the row; liveness from the sweeper.
/// </summary>
public sealed partial class AccountActor(
    AccountStore accounts,
    CampaignStore campaigns,
    TickScheduler scheduler,
    CampaignCompletion completion,
    TargetClaims claims,
    AttemptRecovery recovery,
    BatchRunner batches,
    PlatformResolver platforms,
    PlatformLimits limits,
    PacingPolicy pacing,
    WorkChooser chooser,
    TransactionalLane lane,
    EngineOptions options,
    TimeProvider time,
    ILogger<AccountActor> logger)
{
    private static readonly TimeSpan EarlyTolerance = TimeSpan.FromSeconds(1);

    /// <summary>Handles one tick message.</summary>
    public async Task<TickResult> HandleAsync(TickMessage tick, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tick);
        // Every log line of the tick carries its tenant and account (R31: searchable per account and task).
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["TenantId"] = tick.TenantId, ["AccountId"] = tick.AccountId });
        var started = time.GetTimestamp();
        var acted = 0;
        try
        {
            return await TickAsync(tick, count => acted = count, cancellationToken);
        }
        finally
        {
            EngineMetrics.TickDuration.Record(time.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("acted", acted > 0));
        }
    }

    private async Task<TickResult> TickAsync(TickMessage tick, Action<int> reportActed, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var row = await accounts.GetAsync(tick.TenantId, tick.AccountId, cancellationToken);
        if (row is null || row.TickId != tick.TickId)
        {
            Log.StaleTick(logger, tick.TenantId, tick.AccountId, tick.TickId);
            return TickResult.Delete;
        }

        if (tick.DueAt > now + EarlyTolerance)
        {
            // A chained timer hop: put the same tick back for the rest of the delay.
            await scheduler.ScheduleAsync(tick.TenantId, tick.AccountId, tick.TickId, tick.DueAt, cancellationToken);
            return TickResult.Delete;
        }

        if (row.LeaseId is not null && row.LeaseUntil is { } until && until > now)
        {
            Log.AccountBusy(logger, row.TenantId, row.AccountId, until);
            return TickResult.Busy(until - now + TimeSpan.FromSeconds(1));
        }

        // Take the lease: the one conditional write that makes this attempt the only one acting.
        if (row.LeaseId is { } previousAttempt && !row.Unrecovered.Contains(previousAttempt))
        {
            row.Unrecovered.Add(previousAttempt);
        }

        var attempt = EngineKeys.NewId();
        row.LeaseId = attempt;
        row.LeaseUntil = now + options.LeaseDuration;
        if (!await accounts.TryReplaceAsync(row, cancellationToken))
        {
            return TickResult.Busy(TimeSpan.FromSeconds(2));
        }

        Log.LeaseTaken(logger, WorkerIdentity.Name, row.TenantId, row.AccountId, attempt, row.LeaseUntil.Value);
        try
        {
            return await ActUnderLeaseAsync(row, attempt, reportActed, cancellationToken);
        }
        catch
        {
            // A failed tick lets go too (its lease runs out and another process may take the account).
            await ReleasePlatformAsync(row);
            throw;
        }
    }

    private async Task<TickResult> ActUnderLeaseAsync(AccountRecord row, string attempt, Action<int> reportActed, CancellationToken cancellationToken)
    {

        // The lease is short and renewed while the tick works; no action starts once it may have run out (a call in
        // flight then finishes: its target is fenced or recovered like any other).
        var touched = new HashSet<string>(StringComparer.Ordinal);
        var handled = time.GetTimestamp();
        var acted = 0;
        while (true)
        {
            WorkPlan plan;
            IReadOnlyList<CampaignRecord> recovered = [];
            await using (var lease = new LeaseHeartbeat(accounts, row, attempt, options, time, logger))
            {
                var claimed = new AttemptClaims(attempt, row.AccountId);
                if (row.Unrecovered.Count > 0)
                {
                    recovered = await recovery.RecoverAsync(row, claimed, touched, cancellationToken);
                }

                plan = await WorkAsync(row, claimed, touched, lease, cancellationToken);
            }

            // A recovery that resolved a drained campaign's last targets may end it: it reports the drain like a tick that acted.
            if (recovered.Count > 0)
            {
                plan = plan with { CompletionCandidates = [.. plan.MaybeComplete, .. recovered.Where(r => plan.MaybeComplete.All(c => c.Id != r.Id))] };
            }

            if (plan.Fenced)
            {
                // The lease is someone else's now: let go at once.
                await ReleasePlatformAsync(row);
                Log.Fenced(logger, row.TenantId, row.AccountId, attempt);
                return TickResult.Delete;
            }

            acted += plan.Acted;
            reportActed(acted);
            var chain = TickChaining.ShouldChain(row.Kind == Core.Domain.AccountKind.Bot, plan.Fenced, plan.Acted, plan.FullSpeed, plan.NextAt,
                time.GetUtcNow(), time.GetElapsedTime(handled), options.MaxBotTickChain);
            if (!chain || await ChainAsync(row, attempt, plan, touched, cancellationToken) is not { } next)
            {
                return await FinishAsync(row, attempt, plan, touched, cancellationToken);
            }

            attempt = next;
        }
    }

    /// <summary>Releases the lease, arms the next tick (or parks), and writes the counters of the campaigns touched with the row.</summary>
    private async Task<TickResult> FinishAsync(AccountRecord row, string attempt, WorkPlan plan, HashSet<string> touched, CancellationToken cancellationToken)
    {
        // Before the lease goes: the next tick may take the account in another process at once.
        await ReleasePlatformAsync(row);
        var mine = row;
        for (var tries = 0; ; tries++)
        {
            var nextAt = plan.NextAt;
            if (row.WakeRequested && !row.Disabled)
            {
                // Woken while it worked (a campaign started, a single message queued): it looks again at once.
                nextAt = time.GetUtcNow();
            }

            row.LeaseId = null;
            row.LeaseUntil = null;
            row.WakeRequested = false;
            row.Unrecovered = [];
            row.TickId = nextAt is null ? null : EngineKeys.NewId();
            row.NextTickAt = nextAt;
            if (await accounts.TryCommitAsync(row, touched, cancellationToken))
            {
                break;
            }

            // Someone changed a control field (disable, wake) or took the account over: re-read and re-apply.
            var fresh = await accounts.GetAsync(mine.TenantId, mine.AccountId, cancellationToken);
            if (fresh is null || fresh.LeaseId != attempt || tries > 10)
            {
                Log.Fenced(logger, mine.TenantId, mine.AccountId, attempt);
                return TickResult.Delete;
            }

            fresh.State = mine.State;
            (fresh.Campaigns, fresh.LegacyCounters, fresh.RecentActions) = (mine.Campaigns, mine.LegacyCounters, mine.RecentActions);
            row = fresh;
            if (row.Disabled)
            {
                plan = plan with { NextAt = null };
            }
        }

        if (row.TickId is not null && row.NextTickAt is { } due)
        {
            await scheduler.ScheduleAsync(row.TenantId, row.AccountId, row.TickId, due, cancellationToken);
        }

        await PublishAsync(plan, cancellationToken);
        Log.Acted(logger, row.TenantId, row.AccountId, plan.Acted, plan.CampaignId ?? "-", row.NextTickAt);
        Log.LeaseReleased(logger, WorkerIdentity.Name, row.TenantId, row.AccountId, attempt, row.NextTickAt);
        return TickResult.Delete;
    }

    /// <summary>Lets the account's platform adapter close what one process at a time may hold (<see cref="Platforms.PlatformResolver"/>).</summary>
    private async Task ReleasePlatformAsync(AccountRecord row)
    {
        if (await platforms.TryReleaseAsync(row) is { } e)
        {
            Log.PlatformThrew(logger, e, row.TenantId, row.AccountId);
        }
    }

    /// <summary>After the row's write: completion of the campaigns that may have drained.</summary>
    private async Task PublishAsync(WorkPlan plan, CancellationToken cancellationToken)
    {
        foreach (var campaign in plan.MaybeComplete)
        {
            await completion.TryCompleteAsync(campaign, cancellationToken: cancellationToken);
        }
    }
}
