using System.Collections.Concurrent;
using Azure.Data.Tables;
using Herald.Core.Limits;
using Herald.Core.Pacing;
using Herald.Engine.Campaigns;
using Herald.Engine.Model;
using Herald.Engine.Persistence;
using Microsoft.Extensions.Options;

namespace Herald.Host.Alerts;

/// <summary>
/// Every <see cref="AlertOptions.CheckInterval"/>: looks at the accounts and live or recently ended campaigns of every
/// tenant, asks <see cref="AlertRules"/> what to raise, and sends each alert the <see cref="AlertGate"/> lets through.
/// </summary>
public sealed class AlertMonitor(
    EngineStorage storage,
    CampaignStatusReader reader,
    PacingPolicy pacing,
    PlatformLimits limits,
    FloodWaitWindow floodWaits,
    AlertGate gate,
    AlertSender sender,
    IOptions<AlertOptions> options,
    TimeProvider time,
    ILogger<AlertMonitor> logger) : BackgroundService
{
    // Concurrent: a look started by hand (CheckAsync) may overlap the timer's.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _restingSince = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckInterval, time);
        do
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException or TimeoutException or HttpRequestException)
            {
                Log.AlertCheckFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One look: gathers, evaluates, sends.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var accounts = await AccountsAsync(now, cancellationToken);
        var campaigns = await CampaignsAsync(now, settings.Window, cancellationToken);
        foreach (var c in campaigns)
        {
            var key = AlertRules.Key(c);
            if (c.WaitingReason == AlertRules.AllAccountsResting)
            {
                _restingSince.TryAdd(key, now);
            }
            else
            {
                _restingSince.TryRemove(key, out _);
            }
        }

        var alerts = AlertRules.Evaluate(accounts, campaigns, floodWaits.CountWithin(settings.FloodWaitWithin), _restingSince, settings, now);
        foreach (var alert in alerts)
        {
            var subject = alert.TenantId + "/" + alert.SubjectId;
            if (await gate.TryAcquireAsync(alert.Kind, subject, now, settings.Window, cancellationToken)
                && !await sender.SendAsync(alert, cancellationToken))
            {
                await gate.ForgetAsync(alert.Kind, subject, cancellationToken);
            }
        }
    }

    private async Task<List<AccountSnapshot>> AccountsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var list = new List<AccountSnapshot>();
        await foreach (var e in storage.Accounts.QueryAsync<TableEntity>(AccountStore.AccountRowsFilter, cancellationToken: cancellationToken))
        {
            var row = AccountRecord.FromEntity(e);
            if (row.Disabled)
            {
                continue;
            }

            var status = pacing.GetStatus(row.State, limits.For(row.Platform, row.Kind, row.Overrides), now);
            list.Add(new AccountSnapshot(row.TenantId, row.AccountId, status.Status.ToString().ToLowerInvariant(), status.Reason, status.Until));
        }

        return list;
    }

    private async Task<List<CampaignSnapshot>> CampaignsAsync(DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"Status eq {nameof(CampaignStatus.Running)} or Status eq {nameof(CampaignStatus.Waiting)} or (Status eq {nameof(CampaignStatus.CompletedWithErrors)} and EndedAt ge {now - window})");
        var list = new List<CampaignSnapshot>();
        await foreach (var e in storage.Campaigns.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var campaign = CampaignRecord.FromEntity(e);
            var view = await reader.BuildAsync(campaign, cancellationToken);
            list.Add(new CampaignSnapshot(
                campaign.TenantId, view.Id, view.Status, view.WaitingReason, view.ResumeAt, view.EndedAt, view.Counts.Failed, view.Counts.Unknown, view.Reasons));
        }

        return list;
    }
}
