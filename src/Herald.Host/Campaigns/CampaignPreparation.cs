using System.Threading.Channels;
using Herald.Core.Domain;
using Herald.Engine.Campaigns;
using Herald.Engine.Persistence;
using Herald.Host.Imports;
using Microsoft.Extensions.Options;

namespace Herald.Host.Campaigns;

/// <summary>
/// Writes the targets of campaigns created <c>preparing</c> (large imports, R1: the id is answered at once): those this
/// host created right away, and every few seconds those a stopped or crashed host left (their preparing lease ended).
/// The recipients are read again from the import, so nothing is lost; the engine's lease keeps two preparers apart.
/// Those its bots cannot reach are left out again (<see cref="BotReach"/>), as they were from the total answered at creation.
/// </summary>
internal sealed class CampaignPreparation(
    CampaignService campaigns,
    ImportStore imports,
    AccountStore accounts,
    IOptions<CampaignPreparationOptions> options,
    TimeProvider time,
    ILogger<CampaignPreparation> logger) : BackgroundService
{
    private static readonly TimeSpan FirstScanDelay = TimeSpan.FromSeconds(2);
    private readonly Channel<(string TenantId, string CampaignId)> _created = Channel.CreateUnbounded<(string, string)>();

    /// <summary>Prepares a campaign this host just created, as soon as it can.</summary>
    public void Enqueue(string tenantId, string campaignId) => _created.Writer.TryWrite((tenantId, campaignId));

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextScan = time.GetUtcNow() + FirstScanDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var wait = nextScan - time.GetUtcNow();
                if (wait <= TimeSpan.Zero)
                {
                    nextScan = time.GetUtcNow() + options.Value.ScanInterval;
                    foreach (var campaign in await campaigns.ListUnattendedPreparingAsync(stoppingToken))
                    {
                        await PrepareAsync(campaign.TenantId, campaign.Id, stoppingToken);
                    }

                    continue;
                }

                using var until = new CancellationTokenSource(wait, time);
                using var either = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, until.Token);
                (string TenantId, string CampaignId) next;
                try
                {
                    next = await _created.Reader.ReadAsync(either.Token);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    continue; // time to scan
                }

                await PrepareAsync(next.TenantId, next.CampaignId, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                Log.CampaignPreparationFailed(logger, e);
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
            }
        }
    }

    private async Task PrepareAsync(string tenantId, string campaignId, CancellationToken cancellationToken)
    {
        var campaign = await campaigns.GetAsync(tenantId, campaignId, cancellationToken);
        if (campaign is not { Preparing: true, PrepareFrom: { } importId })
        {
            return;
        }

        var import = await imports.GetAsync(tenantId, importId, cancellationToken);
        if (import is null)
        {
            Log.CampaignImportGone(logger, tenantId, campaignId);
            await campaigns.AbandonPreparingAsync(tenantId, campaignId, cancellationToken);
            return;
        }

        var recipients = await ReachableAsync(tenantId, campaign.Campaign, await imports.ReadRecipientsAsync(import, cancellationToken), cancellationToken);
        if (await campaigns.PrepareAsync(tenantId, campaignId, recipients, cancellationToken: cancellationToken))
        {
            Log.CampaignPrepared(logger, tenantId, campaignId, recipients.Count);
        }
    }

    private async Task<IReadOnlyList<Recipient>> ReachableAsync(string tenantId, Campaign campaign, IReadOnlyList<Recipient> recipients, CancellationToken cancellationToken)
    {
        var all = await accounts.ListAsync(tenantId, cancellationToken);
        var kinds = all.Where(a => a.Platform == campaign.Platform && (campaign.AccountIds is null || campaign.AccountIds.Contains(a.AccountId))).Select(a => a.Kind);
        return BotReach.RunsOnBots(campaign.Platform, campaign.Actions, kinds) ? [.. recipients.Where(BotReach.CanReach)] : recipients;
    }
}
