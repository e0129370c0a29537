using Herald.Core.Domain;
using Herald.Engine.Accounts;
using Herald.Engine.Model;
using Herald.Engine.Orchestrations;
using Herald.Engine.Persistence;
using Herald.Engine.Suppression;
using Microsoft.Extensions.Logging;

namespace Herald.Engine.Campaigns;

/// <summary>
/// Creates campaigns and changes their lifecycle: pause, resume and cancel are idempotent,
/// ETag-guarded changes of the campaign row that ticks read before they act.
/// </summary>
public sealed partial class CampaignService(
    CampaignStore campaigns,
    TargetStore targets,
    AccountStore accounts,
    AccountService accountService,
    SuppressionStore suppressions,
    ICampaignLifecycle lifecycle,
    EngineOptions options,
    TimeProvider time,
    ILogger<CampaignService> logger)
{
    /// <summary>
    /// Writes the targets (suppressed recipients as skipped, duplicates dropped), then the campaign
    /// row, then wakes its accounts (when it runs now) and starts its orchestration. Returns the new campaign.
    /// </summary>
    public async Task<CampaignRecord> CreateAsync(NewCampaign request, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await ExistingAsync(request, cancellationToken) is { } existing)
        {
            return existing;
        }

        var (campaign, unique) = await NewRecordAsync(request, cancellationToken);
        var suppressed = await suppressions.GetSetAsync(campaign.TenantId, cancellationToken);
        campaign.SkippedAtCreation = await WriteTargetsAsync(campaign, unique, 0, suppressed, progress, cancellationToken);
        await campaigns.AddAsync(campaign, cancellationToken);
        Log.CampaignStatusChanged(logger, campaign.TenantId, campaign.Id, campaign.Status.ToWire());
        if (campaign.Status == CampaignStatus.Running && !campaign.RightsPending)
        {
            // The hot path: the accounts start at once; the orchestration (its scheduled start, completion) follows.
            // An invite campaign's accounts wait for its orchestration's admin-rights check instead (R12), which arms them.
            await accountService.WakeForAsync(campaign, cancellationToken);
        }

        await lifecycle.StartAsync(campaign, cancellationToken);
        return campaign;
    }

    /// <summary>
    /// Creates a campaign at once, without its targets: it is <see cref="CampaignRecord.Preparing"/> until its
    /// orchestration has written them (<see cref="PrepareChunkAsync"/>, <see cref="FinishPreparingAsync"/>) from the same recipients, read again from
    /// <paramref name="prepareFrom"/> (an import id, so a crash loses nothing). It is sized by
    /// <see cref="NewCampaign.RecipientCount"/> (a list too large to hold need not be read here), else by its
    /// <see cref="NewCampaign.Recipients"/>. Pause, resume and cancel work meanwhile.
    /// </summary>
    public async Task<CampaignRecord> CreatePreparingAsync(NewCampaign request, string prepareFrom, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(prepareFrom);
        if (await ExistingAsync(request, cancellationToken) is { } existing)
        {
            return existing;
        }

        var (campaign, _) = await NewRecordAsync(request, cancellationToken);
        campaign.Preparing = true;
        campaign.PrepareFrom = prepareFrom;
        await campaigns.AddAsync(campaign, cancellationToken);
        Log.CampaignPreparing(logger, campaign.TenantId, campaign.Id, campaign.Total);
        await lifecycle.StartAsync(campaign, cancellationToken);
        return campaign;
    }

    /// <summary>
    /// Writes targets <paramref name="offset"/> … <paramref name="offset"/> + <paramref name="count"/> of a preparing
    /// campaign from <paramref name="unique"/> (its recipients, each once: <see cref="Unique"/>): see <see cref="PrepareSliceAsync"/>.
    /// </summary>
    public Task<int?> PrepareChunkAsync(string tenantId, string campaignId, IReadOnlyList<Recipient> unique, int offset, int count, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unique);
        count = Math.Max(0, Math.Min(count, unique.Count - offset));
        return PrepareSliceAsync(tenantId, campaignId, offset, [.. unique.Skip(offset).Take(count)], cancellationToken);
    }

    /// <summary>
    /// Writes the targets numbered <paramref name="offset"/> … of a preparing campaign, one per recipient of
    /// <paramref name="slice"/> (that slice of its recipients, each once). Idempotent: a slice written again (a repeated
    /// activity after a crash) rewrites the same rows, and nothing is written once the campaign is no longer preparing
    /// (no account acts before that). Returns how many were skipped (suppressed), or null when the campaign is gone or
    /// prepared already.
    /// </summary>
    public async Task<int?> PrepareSliceAsync(string tenantId, string campaignId, int offset, IReadOnlyList<Recipient> slice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slice);
        var campaign = await campaigns.GetAsync(tenantId, campaignId, cancellationToken);
        if (campaign is not { Preparing: true })
        {
            return null;
        }

        var suppressed = await suppressions.GetSetAsync(tenantId, cancellationToken);
        var skipped = await WriteTargetsAsync(campaign, slice, offset, suppressed, null, cancellationToken);
        var end = offset + slice.Count;
        await campaigns.UpdateAsync(tenantId, campaignId, c =>
        {
            if (!c.Preparing || c.Prepared >= end)
            {
                return false;
            }

            c.Prepared = Math.Min(end, c.Total);
            return true;
        }, cancellationToken);
        return skipped;
    }

    /// <summary>
    /// Ends the preparation of a campaign whose <paramref name="total"/> targets are all written (<paramref name="skipped"/>
    /// of them suppressed), then lets its accounts start. Null when it was not preparing (finished already).
    /// </summary>
    public async Task<CampaignRecord?> FinishPreparingAsync(string tenantId, string campaignId, int total, int skipped, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var finished = false;
        var after = await campaigns.UpdateAsync(tenantId, campaignId, c =>
        {
            finished = false;
            if (!c.Preparing)
            {
                return false;
            }

            finished = true;
            c.Preparing = false;
            c.Prepared = total;
            c.Total = total;
            c.SkippedAtCreation = skipped;
            if (c.Status == CampaignStatus.Running)
            {
                c.RunnableSince = now;
            }

            return true;
        }, cancellationToken);
        if (!finished || after is null)
        {
            return null;
        }

        Log.CampaignStatusChanged(logger, tenantId, campaignId, after.Status.ToWire());
        if (after.Status == CampaignStatus.Running && !after.RightsPending)
        {
            await accountService.WakeForAsync(after, cancellationToken);
        }

        return after;
    }

    /// <summary>
    /// Ends a preparing campaign whose recipients cannot be read any more (its import is gone): it is cancelled, with
    /// nothing done, rather than left waiting for ever.
    /// </summary>
    public async Task AbandonPreparingAsync(string tenantId, string campaignId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var after = await campaigns.UpdateAsync(tenantId, campaignId, c =>
        {
            if (!c.Preparing)
            {
                return false;
            }

            c.Preparing = false;
            if (!c.Status.IsTerminal())
            {
                c.Status = CampaignStatus.Cancelled;
                c.EndedAt = now;
            }

            return true;
        }, cancellationToken);
        if (after is not null)
        {
            Log.CampaignStatusChanged(logger, tenantId, campaignId, after.WireStatus);
        }
    }

    /// <summary>Each recipient once, in list order (the order that numbers the targets).</summary>
    public static List<Recipient> Unique(IEnumerable<Recipient> recipients)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. recipients.Where(r => seen.Add(r.Key))];
    }

    /// <summary>A campaign row for <paramref name="request"/> (not written), sized over its unique recipients.</summary>
    // A request retried under its id finds what the first one created: nothing is written again (its targets may be
    // acting already). Its accounts are woken and its orchestration scheduled again (both idempotent), in case the
    // first request stopped between storing the row and doing that.
    private async Task<CampaignRecord?> ExistingAsync(NewCampaign request, CancellationToken cancellationToken)
    {
        if (request.Id is not { } id || await campaigns.GetAsync(request.Definition.TenantId, id, cancellationToken) is not { } existing)
        {
            return null;
        }

        if (existing.Status == CampaignStatus.Running && !existing.RightsPending && !existing.Preparing)
        {
            await accountService.WakeForAsync(existing, cancellationToken);
        }

        await lifecycle.StartAsync(existing, cancellationToken);
        return existing;
    }

    private async Task<(CampaignRecord Campaign, List<Recipient> Unique)> NewRecordAsync(NewCampaign request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var definition = request.Definition with { Id = request.Id ?? EngineKeys.NewCampaignId(now) };
        var unique = Unique(request.Recipients);
        var total = request.RecipientCount ?? unique.Count;

        var accountCount = definition.AccountIds?.Count
            ?? (await accounts.ListAsync(definition.TenantId, cancellationToken)).Count(a => a.Platform == definition.Platform);
        var shards = Math.Max(
            (int)Math.Ceiling(total / (double)options.TargetsPerShard),
            (int)Math.Ceiling(accountCount / 4.0));
        shards = Math.Clamp(shards, 1, Math.Min(options.MaxShards, Math.Max(1, total)));

        var scheduled = definition.Schedule.StartAt is { } start && start > now;
        var campaign = new CampaignRecord
        {
            Campaign = definition,
            Name = request.Name,
            Keyboard = request.Keyboard,
            Status = scheduled ? CampaignStatus.Scheduled : CampaignStatus.Running,
            Total = total,
            Shards = shards,
            Exhausted = new string('0', shards),
            Source = request.Source,
            CreatedAt = now,
            RunnableSince = scheduled ? null : now,
        };
        campaign.RightsPending = campaign.NeedsRightsCheck;
        return (campaign, unique);
    }

    /// <summary>Writes the targets numbered <paramref name="first"/> … of the campaign, one per recipient (suppressed ones as skipped); returns how many were skipped.</summary>
    private async Task<int> WriteTargetsAsync(
        CampaignRecord campaign, IReadOnlyList<Recipient> recipients, int first, IReadOnlySet<string> suppressed, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var skipped = 0;
        var rows = new List<TargetRecord>(recipients.Count);
        for (var i = 0; i < recipients.Count; i++)
        {
            var sequence = first + i;
            var isSuppressed = suppressed.Contains(SuppressionStore.HashOf(recipients[i]));
            skipped += isSuppressed ? 1 : 0;
            rows.Add(new TargetRecord
            {
                PartitionKey = EngineKeys.TargetPartition(campaign.TenantId, campaign.Id, sequence % campaign.Shards),
                RowKey = EngineKeys.TargetRow(sequence),
                Recipient = recipients[i],
                Status = isSuppressed ? TargetStatus.Skipped : TargetStatus.Pending,
                Reason = isSuppressed ? Actors.AccountActor.SuppressedReason : null,
                UpdatedAt = now,
            });
        }

        await targets.InsertAsync(rows, progress, cancellationToken);
        return skipped;
    }

    /// <summary>The campaign, or null when the tenant has none with that id.</summary>
    public Task<CampaignRecord?> GetAsync(string tenantId, string campaignId, CancellationToken cancellationToken = default) =>
        campaigns.GetAsync(tenantId, campaignId, cancellationToken);

    /// <summary>
    /// One page of the tenant's campaigns, newest first, optionally in one status (waiting is a running campaign's state,
    /// so it pages over all): see <see cref="CampaignStore.ListPageAsync"/>. Null when the continuation is not valid.
    /// </summary>
    public Task<CampaignListPage?> ListPageAsync(string tenantId, CampaignStatus? status, int pageSize, string? continuation, CancellationToken cancellationToken = default) =>
        campaigns.ListPageAsync(tenantId, status is { } s && s != CampaignStatus.Waiting ? s : null, pageSize, continuation, cancellationToken);

    /// <summary>Pauses a running or scheduled campaign; pausing a paused one changes nothing.</summary>
    public async Task<ControlOutcome> PauseAsync(string tenantId, string campaignId, CancellationToken cancellationToken = default)
    {
        var after = await campaigns.UpdateAsync(tenantId, campaignId, c =>
        {
            if (c.Status is not (CampaignStatus.Running or CampaignStatus.Scheduled))
            {
                return false;
            }

            c.Status = CampaignStatus.Paused;
            c.PausedReason = null;
            return true;
        }, cancellationToken);
        await SettleAsync(after, cancellationToken);
        await SignalAsync(after, CampaignSignal.Paused, cancellationToken);
        return Outcome(after, CampaignStatus.Paused, "pause");
    }

    /// <summary>Resumes a paused campaign where it stopped and wakes its accounts; resuming a running one changes nothing.</summary>
    public async Task<ControlOutcome> ResumeAsync(string tenantId, string campaignId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var after = await campaigns.UpdateAsync(tenantId, campaignId, c =>
        {
            if (c.Status != CampaignStatus.Paused)
            {
                return false;
            }

            var scheduled = c.Campaign.Schedule.StartAt is { } start && start > now;
            c.Status = scheduled ? CampaignStatus.Scheduled : CampaignStatus.Running;
            c.RunnableSince = scheduled ? null : now;
            c.PausedReason = null;
            return true;
        }, cancellationToken);
        if (after is { Status: CampaignStatus.Running, RightsPending: false })
        {
            await accountService.WakeForAsync(after, cancellationToken);
        }

        await SignalAsync(after, CampaignSignal.Resumed, cancellationToken);

        return after is { Status: CampaignStatus.Running or CampaignStatus.Scheduled }
            ? new ControlOutcome(after)
            : Outcome(after, CampaignStatus.Running, "resume");
    }

    /// <summary>Cancels a campaign that has not ended; what was left counts as cancelled. Cancelling twice changes nothing.</summary>
    public async Task<ControlOutcome> CancelAsync(string tenantId, string campaignId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var after = await campaigns.UpdateAsync(tenantId, campaignId, c =>
        {
            if (c.Status.IsTerminal())
            {
                return false;
            }

            c.Status = CampaignStatus.Cancelled;
            c.EndedAt = now;
            return true;
        }, cancellationToken);
        if (after?.Status == CampaignStatus.Cancelled)
        {
            Log.CampaignStatusChanged(logger, tenantId, campaignId, after.Status.ToWire());
        }

        await SettleAsync(after, cancellationToken);
        await SignalAsync(after, CampaignSignal.Cancelled, cancellationToken);
        return Outcome(after, CampaignStatus.Cancelled, "cancel");
    }

    /// <summary>
    /// Starts a scheduled campaign whose time has come (by this process's clock: never early) and wakes its accounts.
    /// True when this call started it; a paused, cancelled or already running campaign is left as it is.
    /// </summary>
    public async Task<bool> StartWhenDueAsync(string tenantId, string campaignId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var started = false;
        var after = await campaigns.UpdateAsync(tenantId, campaignId, c =>
        {
            started = false;
            if (c.Status != CampaignStatus.Scheduled || c.Preparing || c.Campaign.Schedule.StartAt > now)
            {
                return false;
            }

            c.Status = CampaignStatus.Running;
            c.RunnableSince = now;
            started = true;
            return true;
        }, cancellationToken);
        if (!started || after is null)
        {
            return false;
        }

        Log.ScheduledStarted(logger, tenantId, campaignId);
        if (!after.RightsPending)
        {
            // An invite campaign's accounts are armed by its admin-rights check, which the orchestration runs next.
            await accountService.WakeForAsync(after, cancellationToken);
        }

        return true;
    }

    /// <summary>
    /// Waits until no worker trusts a status read before the change any more (<see cref="CampaignStatusCache"/>),
    /// so that when pause or cancel returns, accounts finish at most the action in flight.
    /// </summary>
    private Task SettleAsync(CampaignRecord? after, CancellationToken cancellationToken) =>
        after is null ? Task.CompletedTask : Task.Delay(CampaignStatusCache.ControlSettle, time, cancellationToken);

    private Task SignalAsync(CampaignRecord? after, CampaignSignal signal, CancellationToken cancellationToken) =>
        after is null ? Task.CompletedTask : lifecycle.SignalAsync(after.TenantId, after.Id, signal, cancellationToken);

    private static ControlOutcome Outcome(CampaignRecord? after, CampaignStatus wanted, string verb) =>
        after is null ? new ControlOutcome(null)
        : after.Status == wanted ? new ControlOutcome(after)
        : new ControlOutcome(after, $"Cannot {verb} a campaign that is {after.Status.ToWire()}.");
}
