using Herald.Engine.Model;
using Herald.Engine.Persistence;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Herald.Engine.Orchestrations;

/// <summary>
/// Makes a lost orchestration start good: every <see cref="DurableOptions.ReconcileEvery"/> (and at start-up) it takes
/// the campaigns that have not ended and are not yet marked <see cref="CampaignRecord.Orchestrated"/>, asks the task hub
/// for each one's instance by its id (one read, no history), schedules those that have none (same instance id, so a
/// start made meanwhile is not repeated) and marks the others. A marked campaign is never looked at again, so the cost
/// is one instance read per campaign over its life, plus a read of the unended campaign rows per round.
/// </summary>
public sealed class OrchestrationReconciler(
    CampaignStore campaigns,
    DurableTaskClient client,
    ICampaignLifecycle lifecycle,
    DurableOptions options,
    TimeProvider time,
    ILogger<OrchestrationReconciler> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReconcileAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // Storage or the task hub is down: the next round tries again.
                Log.WorkerLoopFailed(logger, e, "orchestration reconciler");
            }

            await Task.Delay(options.ReconcileEvery, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>One round; returns how many orchestrations it scheduled.</summary>
    public async Task<int> ReconcileAsync(CancellationToken cancellationToken = default)
    {
        // Not the newest: their creator schedules them right after writing the row.
        var scheduled = 0;
        foreach (var campaign in await campaigns.ListUnorchestratedAsync(time.GetUtcNow() - options.ReconcileEvery, cancellationToken))
        {
            var instanceId = CampaignInstance.IdOf(campaign.TenantId, campaign.Id);
            if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken) is null)
            {
                Log.OrchestrationReconciled(logger, campaign.TenantId, campaign.Id);
                await lifecycle.StartAsync(campaign, cancellationToken);
                scheduled++;
                if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken) is null)
                {
                    continue; // not scheduled after all (the task hub is down): the next round tries again
                }
            }

            await campaigns.UpdateAsync(campaign.TenantId, campaign.Id, c =>
            {
                if (c.Orchestrated)
                {
                    return false;
                }

                c.Orchestrated = true;
                return true;
            }, cancellationToken);
        }

        return scheduled;
    }
}
