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
public sealed class CampaignService(
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
    /// <summary>
    /// Writes the targets (suppressed recipients as skipped, duplicates dropped), then the campaign
    /// row, then wakes its accounts (or schedules its start). Returns the new campaign.
    /// </summary>
    public async Task<CampaignRecord> CreateAsync(NewCampaign request, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        var definition = request.Definition with { Id = EngineKeys.NewId() };
        var tenant = definition.TenantId;
        var suppressed = await suppressions.GetSetAsync(tenant, cancellationToken);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unique = request.Recipients.Where(r => seen.Add(r.Key)).ToList();

        var accountCount = definition.AccountIds?.Count
            ?? (await accounts.ListAsync(tenant, cancellationToken)).Count(a => a.Platform == definition.Platform);
        var shards = Math.Max(
            (int)Math.Ceiling(unique.Count / (double)options.TargetsPerShard),
            (int)Math.Ceiling(accountCount / 4.0));
        shards = Math.Clamp(shards, 1, Math.Min(options.MaxShards, Math.Max(1, unique.Count)));

        var skipped = 0;
        var rows = new List<TargetRecord>(unique.Count);
        for (var i = 0; i < unique.Count; i++)
        {
            var isSuppressed = suppressed.Contains(SuppressionStore.HashOf(unique[i]));
            skipped += isSuppressed ? 1 : 0;
            rows.Add(new TargetRecord
            {
                PartitionKey = EngineKeys.TargetPartition(tenant, definition.Id, i % shards),
                RowKey = EngineKeys.TargetRow(i),
                Recipient = unique[i],
                Status = isSuppressed ? TargetStatus.Skipped : TargetStatus.Pending,
                Reason = isSuppressed ? Actors.AccountActor.SuppressedReason : null,
                UpdatedAt = now,
            });
        }

        await targets.InsertAsync(rows, progress, cancellationToken);

        var scheduled = definition.Schedule.StartAt is { } start && start > now;
        var campaign = new CampaignRecord
        {
            Campaign = definition,
            Name = request.Name,
            Keyboard = request.Keyboard,
            Status = scheduled ? CampaignStatus.Scheduled : CampaignStatus.Running,
            Total = rows.Count,
            SkippedAtCreation = skipped,
            Shards = shards,
            Exhausted = new string('0', shards),
            Source = request.Source,
            CreatedAt = now,
            RunnableSince = scheduled ? null : now,
        };
        await campaigns.AddAsync(campaign, cancellationToken);
        Log.CampaignStatusChanged(logger, tenant, definition.Id, campaign.Status.ToWire());
        if (scheduled)
        {
            await ScheduleStartAsync(campaign, cancellationToken);
        }
        else
        {
            await accountService.WakeForAsync(campaign, cancellationToken);
        }

        return campaign;
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
