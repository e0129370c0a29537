using System.Globalization;
using Herald.Engine.Campaigns;
using Herald.Host.Audit;
using Microsoft.Extensions.Options;

namespace Herald.Host.Campaigns;

/// <summary>
/// When <see cref="CampaignRetentionOptions.RetentionDays"/> is set: every <see cref="CampaignRetentionOptions.RetentionSweepInterval"/>
/// (time from <see cref="TimeProvider"/>), deletes the campaigns of every tenant that ended longer ago than that, with
/// their recipients, and records each in the tenant's audit log (actor <see cref="Actor"/>). Any number of hosts may
/// sweep at once: deleting twice is harmless. Failures are logged and tried again at the next interval.
/// </summary>
internal sealed class CampaignRetention(
    CampaignDeletion eraser,
    IAuditLog audit,
    IOptions<CampaignRetentionOptions> options,
    TimeProvider time,
    ILogger<CampaignRetention> logger) : BackgroundService
{
    /// <summary>The actor the audit log names for deletions by retention.</summary>
    public const string Actor = "herald:retention";

    /// <summary>Deletes the campaigns past their retention now; returns how many. Nothing when no retention is set.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        if (options.Value.RetentionDays is not { } days)
        {
            return 0;
        }

        var deleted = 0;
        foreach (var campaign in await eraser.ListEndedBeforeAsync(time.GetUtcNow().AddDays(-days), cancellationToken))
        {
            var erased = await eraser.EraseEndedAsync(campaign.TenantId, campaign.Id, cancellationToken);
            if (erased.Result != CampaignErasureResult.Erased)
            {
                continue;
            }

            deleted++;
            await audit.RecordAsync(campaign.TenantId, Actor, "campaign.delete", "campaign", campaign.Id, new Dictionary<string, string>
            {
                ["reason"] = "retention",
                ["retentionDays"] = days.ToString(CultureInfo.InvariantCulture),
                ["targets"] = erased.Targets.ToString(CultureInfo.InvariantCulture),
            }, cancellationToken);
        }

        return deleted;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.RetentionDays is null)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var deleted = await SweepAsync(stoppingToken);
                Log.CampaignsRetired(logger, deleted);
                await Task.Delay(options.Value.RetentionSweepInterval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                Log.CampaignRetentionFailed(logger, e);
                await Task.Delay(options.Value.RetentionSweepInterval, time, stoppingToken);
            }
        }
    }
}
