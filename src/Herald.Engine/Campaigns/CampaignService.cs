using Herald.Core.Domain;
using Herald.Engine.Accounts;
using Herald.Engine.Model;
using Herald.Engine.Persistence;
using Herald.Engine.Suppression;
using Herald.Engine.Ticks;
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
    EngineStorage storage,
    EngineOptions options,
    TimeProvider time,
    ILogger<CampaignService> logger)
{
    /// <summary>Targets written between two progress records (and lease renewals) while preparing.</summary>
    private const int PrepareChunk = 5000;

    /// <summary>
    /// Writes the targets (suppressed recipients as skipped, duplicates dropped), then the campaign
    /// row, then wakes its accounts (or schedules its start). Returns the new campaign.
    /// </summary>
    public async Task<CampaignRecord> CreateAsync(NewCampaign request, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (campaign, unique) = await NewRecordAsync(request, cancellationToken);
        var suppressed = await suppressions.GetSetAsync(campaign.TenantId, cancellationToken);
        campaign.SkippedAtCreation = await WriteTargetsAsync(campaign, unique, 0, unique.Count, suppressed, progress, cancellationToken);
        await campaigns.AddAsync(campaign, cancellationToken);
        Log.CampaignStatusChanged(logger, campaign.TenantId, campaign.Id, campaign.Status.ToWire());
        if (campaign.Status == CampaignStatus.Scheduled)
        {
            await ScheduleStartAsync(campaign, cancellationToken);
        }
        else
        {
            await accountService.WakeForAsync(campaign, cancellationToken);
        }

        return campaign;
    }

    /// <summary>
    /// Creates a campaign at once, without its targets: it is <see cref="CampaignRecord.Preparing"/> until
    /// <see cref="PrepareAsync"/> has written them from the same recipients, read again from
    /// <paramref name="prepareFrom"/> (an import id, so a crash loses nothing). <see cref="NewCampaign.Recipients"/> is
    /// used here only to size the campaign. Pause, resume and cancel work meanwhile.
    /// </summary>
    public async Task<CampaignRecord> CreatePreparingAsync(NewCampaign request, string prepareFrom, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(prepareFrom);
        var (campaign, _) = await NewRecordAsync(request, cancellationToken);
        campaign.Preparing = true;
        campaign.PrepareFrom = prepareFrom;
        await campaigns.AddAsync(campaign, cancellationToken);
        Log.CampaignPreparing(logger, campaign.TenantId, campaign.Id, campaign.Total);
        if (campaign.Status == CampaignStatus.Scheduled)
        {
            await ScheduleStartAsync(campaign, cancellationToken);
        }

        return campaign;
    }

    /// <summary>
    /// Writes a preparing campaign's targets from <paramref name="recipients"/> (the list it was created from), recording
    /// progress, then lets its accounts start. Holds the campaign by a lease (<see cref="EngineOptions.PrepareLease"/>),
    /// so two preparers never write at once; one that died is taken over when its lease ends, and writing again is
    /// harmless (targets are upserted; no account acts before preparing ends). False when the campaign is not
    /// preparing or another preparer holds it.
    /// </summary>
    public async Task<bool> PrepareAsync(string tenantId, string campaignId, IReadOnlyList<Recipient> recipients, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        var lease = EngineKeys.NewId();
        var campaign = await HoldAsync(tenantId, campaignId, lease, 0, cancellationToken);
        if (campaign is null)
        {
            return false;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unique = recipients.Where(r => seen.Add(r.Key)).ToList();
        var suppressed = await suppressions.GetSetAsync(tenantId, cancellationToken);
        var skipped = 0;
        for (var offset = 0; offset < unique.Count; offset += PrepareChunk)
        {
            var count = Math.Min(PrepareChunk, unique.Count - offset);
            skipped += await WriteTargetsAsync(campaign, unique, offset, count, suppressed, null, cancellationToken);
            progress?.Report(offset + count);
            if (await HoldAsync(tenantId, campaignId, lease, offset + count, cancellationToken) is null)
            {
                return false; // lost the lease (stalled past it): the preparer that took over finishes
            }
        }

        var now = time.GetUtcNow();
        var finished = false;
        var after = await campaigns.UpdateAsync(tenantId, campaignId, c =>
        {
            finished = false;
            if (!c.Preparing || c.PrepareLease != lease)
            {
                return false;
            }

            finished = true;
            c.Preparing = false;
            c.PrepareLease = null;
            c.PrepareLeaseUntil = null;
            c.Prepared = unique.Count;
            c.Total = unique.Count;
            c.SkippedAtCreation = skipped;
            if (c.Status == CampaignStatus.Running)
            {
                c.RunnableSince = now;
            }

            return true;
        }, cancellationToken);
        if (!finished || after is null)
        {
            return false;
        }

        Log.CampaignStatusChanged(logger, tenantId, campaignId, after.Status.ToWire());
        if (after.Status == CampaignStatus.Running)
        {
            await accountService.WakeForAsync(after, cancellationToken);
        }

        return true;
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
            c.PrepareLease = null;
            c.PrepareLeaseUntil = null;
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

    /// <summary>Preparing campaigns of every tenant whose preparer is gone (no lease, or an ended one).</summary>
    public async Task<IReadOnlyList<CampaignRecord>> ListUnattendedPreparingAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        return [.. (await campaigns.ListPreparingAsync(cancellationToken)).Where(c => c.PrepareLeaseUntil is not { } until || until <= now)];
    }

    /// <summary>Takes or renews the preparing lease and records progress; null when the campaign is not ours to prepare.</summary>
    private async Task<CampaignRecord?> HoldAsync(string tenantId, string campaignId, string lease, int prepared, CancellationToken cancellationToken)
    {
        var ours = false;
        var now = time.GetUtcNow();
        var after = await campaigns.UpdateAsync(tenantId, campaignId, c =>
        {
            ours = false;
            var free = c.PrepareLease == lease || c.PrepareLeaseUntil is not { } until || until <= now;
            if (!c.Preparing || !free)
            {
                return false;
            }

            c.PrepareLease = lease;
            c.PrepareLeaseUntil = now + options.PrepareLease;
            c.Prepared = Math.Max(c.Prepared, prepared);
            ours = true;
            return true;
        }, cancellationToken);
        return ours ? after : null;
    }

    /// <summary>A campaign row for <paramref name="request"/> (not written), sized over its unique recipients.</summary>
    private async Task<(CampaignRecord Campaign, List<Recipient> Unique)> NewRecordAsync(NewCampaign request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var definition = request.Definition with { Id = EngineKeys.NewId() };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unique = request.Recipients.Where(r => seen.Add(r.Key)).ToList();

        var accountCount = definition.AccountIds?.Count
            ?? (await accounts.ListAsync(definition.TenantId, cancellationToken)).Count(a => a.Platform == definition.Platform);
        var shards = Math.Max(
            (int)Math.Ceiling(unique.Count / (double)options.TargetsPerShard),
            (int)Math.Ceiling(accountCount / 4.0));
        shards = Math.Clamp(shards, 1, Math.Min(options.MaxShards, Math.Max(1, unique.Count)));

        var scheduled = definition.Schedule.StartAt is { } start && start > now;
        var campaign = new CampaignRecord
        {
            Campaign = definition,
            Name = request.Name,
            Keyboard = request.Keyboard,
            Status = scheduled ? CampaignStatus.Scheduled : CampaignStatus.Running,
            Total = unique.Count,
            Shards = shards,
            Exhausted = new string('0', shards),
            Source = request.Source,
            CreatedAt = now,
            RunnableSince = scheduled ? null : now,
        };
        return (campaign, unique);
    }

    /// <summary>Writes targets <paramref name="offset"/> … of the campaign (suppressed ones as skipped); returns how many were skipped.</summary>
    private async Task<int> WriteTargetsAsync(
        CampaignRecord campaign, List<Recipient> unique, int offset, int count, IReadOnlySet<string> suppressed, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var skipped = 0;
        var rows = new List<TargetRecord>(count);
        for (var i = offset; i < offset + count; i++)
        {
            var isSuppressed = suppressed.Contains(SuppressionStore.HashOf(unique[i]));
            skipped += isSuppressed ? 1 : 0;
            rows.Add(new TargetRecord
            {
                PartitionKey = EngineKeys.TargetPartition(campaign.TenantId, campaign.Id, i % campaign.Shards),
                RowKey = EngineKeys.TargetRow(i),
                Recipient = unique[i],
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

    /// <summary>The tenant's campaigns, newest first, optionally in one status.</summary>
    public async Task<IReadOnlyList<CampaignRecord>> ListAsync(string tenantId, CampaignStatus? status = null, CancellationToken cancellationToken = default)
    {
        var all = status is { } s && s != CampaignStatus.Waiting
            ? await campaigns.ListAsync(tenantId, s, cancellationToken)
            : await campaigns.ListAsync(tenantId, cancellationToken);
        return [.. all.OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id, StringComparer.Ordinal)];
    }

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
            return true;
        }, cancellationToken);
        await SettleAsync(after, cancellationToken);
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
            return true;
        }, cancellationToken);
        if (after?.Status == CampaignStatus.Running)
        {
            await accountService.WakeForAsync(after, cancellationToken);
        }
        else if (after?.Status == CampaignStatus.Scheduled)
        {
            await ScheduleStartAsync(after, cancellationToken);
        }

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
        return Outcome(after, CampaignStatus.Cancelled, "cancel");
    }

    /// <summary>Starts a scheduled campaign whose time has come (or puts the message back for the rest of the delay).</summary>
    public async Task StartWhenDueAsync(ControlMessage message, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (message.DueAt > now)
        {
            // A hop of a chained delay, or a message made visible a little early (the queue counts whole seconds).
            await SendControlAsync(message, cancellationToken);
            return;
        }

        var after = await campaigns.UpdateAsync(message.TenantId, message.CampaignId, c =>
        {
            if (c.Status != CampaignStatus.Scheduled || c.Campaign.Schedule.StartAt > now)
            {
                return false;
            }

            c.Status = CampaignStatus.Running;
            c.RunnableSince = now;
            return true;
        }, cancellationToken);
        if (after is { Status: CampaignStatus.Running } && after.RunnableSince == now)
        {
            Log.ScheduledStarted(logger, message.TenantId, message.CampaignId);
            await accountService.WakeForAsync(after, cancellationToken);
        }
    }

    /// <summary>
    /// Waits until no worker trusts a status read before the change any more (<see cref="CampaignStatusCache"/>),
    /// so that when pause or cancel returns, accounts finish at most the action in flight.
    /// </summary>
    private Task SettleAsync(CampaignRecord? after, CancellationToken cancellationToken) =>
        after is null ? Task.CompletedTask : Task.Delay(CampaignStatusCache.ControlSettle, time, cancellationToken);

    private Task ScheduleStartAsync(CampaignRecord campaign, CancellationToken cancellationToken) =>
        SendControlAsync(new ControlMessage(campaign.TenantId, campaign.Id, campaign.Campaign.Schedule.StartAt ?? time.GetUtcNow()), cancellationToken);

    private async Task SendControlAsync(ControlMessage message, CancellationToken cancellationToken)
    {
        var delay = TickScheduler.HopDelay(message.DueAt - time.GetUtcNow(), options.MaxTimerHop);
        await storage.Control.SendMessageAsync(message.Serialize(), delay, TimeSpan.FromSeconds(-1), cancellationToken);
    }

    private static ControlOutcome Outcome(CampaignRecord? after, CampaignStatus wanted, string verb) =>
        after is null ? new ControlOutcome(null)
        : after.Status == wanted ? new ControlOutcome(after)
        : new ControlOutcome(after, $"Cannot {verb} a campaign that is {after.Status.ToWire()}.");
}
