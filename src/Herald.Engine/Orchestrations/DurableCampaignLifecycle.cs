using DurableTask.Core.Exceptions;
using Herald.Engine.Model;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Herald.Engine.Orchestrations;

/// <summary>Starts and signals campaign orchestrations through the Durable Task client.</summary>
public sealed class DurableCampaignLifecycle(DurableTaskClient client, DurableOptions options, ILogger<DurableCampaignLifecycle> logger) : ICampaignLifecycle
{
    /// <inheritdoc />
    public async Task StartAsync(CampaignRecord campaign, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var instanceId = CampaignInstance.IdOf(campaign.TenantId, campaign.Id);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                CampaignInstance.OrchestrationName,
                options.RunOf(campaign.TenantId, campaign.Id),
                new StartOrchestrationOptions(instanceId),
                cancellationToken);
            Log.OrchestrationStarted(logger, campaign.TenantId, campaign.Id, instanceId);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            // A retried create: the campaign has its orchestration already.
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The task hub cannot be reached (storage down): the campaign row stands; a running campaign's accounts work.
            Log.OrchestrationNotStarted(logger, e, campaign.TenantId, campaign.Id);
        }
    }

    /// <inheritdoc />
    public async Task SignalAsync(string tenantId, string campaignId, CampaignSignal signal, CancellationToken cancellationToken = default)
    {
        try
        {
            await client.RaiseEventAsync(CampaignInstance.IdOf(tenantId, campaignId), CampaignInstance.SignalEvent, signal.ToString(), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The row already holds the change; the orchestration's own periodic look finds it.
            Log.SignalFailed(logger, e, tenantId, campaignId, signal.ToString());
        }
    }

    /// <inheritdoc />
    public async Task ForgetAsync(string tenantId, string campaignId, CancellationToken cancellationToken = default)
    {
        try
        {
            await client.PurgeInstanceAsync(CampaignInstance.IdOf(tenantId, campaignId), cancellation: cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.PurgeFailed(logger, e, tenantId, campaignId);
        }
    }
}
