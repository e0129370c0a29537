using Microsoft.DurableTask;

namespace Herald.Engine.Orchestrations;

/// <summary>
/// One campaign's multi-step, time-based life: preparation of a large import (fan-out over chunks), the scheduled start
/// (a durable timer), the admin-rights check of an invite campaign's accounts before they are armed (R12), noticing that its accounts drained it and confirming completion, the final summary and the operator
/// notification. Pause, resume and cancel write the campaign row first and then signal it (<see cref="CampaignSignal"/>);
/// it re-reads the row on every signal and every <see cref="CampaignRun.LookEvery"/>. The per-action work stays with the
/// account actors. Deterministic: time only from the context, I/O only in activities.
/// </summary>
public sealed class CampaignOrchestration : TaskOrchestrator<CampaignRun, CampaignSummary?>
{
    /// <summary>Loop turns before the history is cut short with ContinueAsNew (keeps replays small for long lives).</summary>
    private const int TurnsPerExecution = 100;

    /// <summary>How long to wait before looking again at a start that the activity found not yet due (clock skew).</summary>
    private static readonly TimeSpan NotYetDue = TimeSpan.FromSeconds(1);

    private static readonly TaskOptions Retried = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromSeconds(30)));

    /// <inheritdoc />
    public override async Task<CampaignSummary?> RunAsync(TaskOrchestrationContext context, CampaignRun input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            return await RunTurnsAsync(context, input);
        }
        catch (TaskFailedException e)
        {
            // A poisoned activity (it failed every retry): visible in the custom status, on the campaign (which ends with
            // the error) and as the orchestration's failure. Nothing starts it again.
            var failure = CampaignFailure.Of(input.Campaign, e);
            context.SetCustomStatus(new CampaignProgress("failed", 0, 0, Error: failure.Error));
            await context.CallActivityAsync<bool>(nameof(FailCampaignActivity), failure, Retried);
            throw;
        }
    }

    private static async Task<CampaignSummary?> RunTurnsAsync(TaskOrchestrationContext context, CampaignRun input)
    {
        for (var turn = 0; turn < TurnsPerExecution; turn++)
        {
            var now = context.CurrentUtcDateTime;
            var campaign = await context.CallActivityAsync<CampaignSnapshot>(nameof(LookAtCampaignActivity), input.Campaign, Retried);
            context.SetCustomStatus(new CampaignProgress(campaign.Status, campaign.Processed, campaign.Total, campaign.Preparing ? campaign.Prepared : null));
            if (!campaign.Exists)
            {
                return null;
            }

            if (campaign.Preparing)
            {
                await PrepareAsync(context, input, campaign);
            }
            else if (campaign.Terminal)
            {
                var summary = await context.CallActivityAsync<CampaignSummary?>(nameof(FinishCampaignActivity), input.Campaign, Retried);
                if (summary is not null)
                {
                    context.SetCustomStatus(new CampaignProgress(summary.Status, summary.Total - summary.Cancelled, summary.Total));
                }

                return summary;
            }
            else if (campaign.RightsDue)
            {
                // Before its accounts are armed: those without admin and invite rights in its chat leave it (R12).
                await context.CallActivityAsync<int?>(nameof(CheckAdminRightsActivity), input.Campaign, Retried);
            }
            else if (campaign.Scheduled && campaign.StartAt is { } startAt)
            {
                var due = startAt.UtcDateTime > now ? startAt.UtcDateTime : now + NotYetDue;
                await WaitAsync(context, due);
            }
            else
            {
                // Running (or waiting) and paused: the accounts do the work; look again on a signal or after a while.
                await WaitAsync(context, now + input.LookEvery);
            }
        }

        context.ContinueAsNew(input, preserveUnprocessedEvents: true);
        return null;
    }

    /// <summary>Writes the targets chunk by chunk, some chunks at once, then ends the preparation (which arms the accounts).</summary>
    private static async Task PrepareAsync(TaskOrchestrationContext context, CampaignRun input, CampaignSnapshot campaign)
    {
        var total = await context.CallActivityAsync<int?>(nameof(PlanPreparationActivity), input.Campaign, Retried);
        if (total is not { } count)
        {
            return; // prepared meanwhile, or its recipients are gone (then it was cancelled)
        }

        var chunks = Enumerable.Range(0, (count + input.ChunkSize - 1) / input.ChunkSize)
            .Select(i => new PreparationChunk(input.TenantId, input.CampaignId, i * input.ChunkSize, Math.Min(input.ChunkSize, count - (i * input.ChunkSize))))
            .ToList();
        var skipped = 0;
        var written = 0;
        foreach (var wave in chunks.Chunk(Math.Max(1, input.ChunksAtOnce)))
        {
            var results = await Task.WhenAll(wave.Select(c => context.CallActivityAsync<int>(nameof(PrepareChunkActivity), c, Retried)));
            skipped += results.Sum();
            written += wave.Sum(c => c.Count);
            context.SetCustomStatus(new CampaignProgress(campaign.Status, 0, count, written));
        }

        await context.CallActivityAsync<bool>(nameof(FinishPreparationActivity), new PreparationResult(input.TenantId, input.CampaignId, count, skipped), Retried);
    }

    /// <summary>Waits until <paramref name="until"/> or the next signal, whichever comes first.</summary>
    private static async Task WaitAsync(TaskOrchestrationContext context, DateTime until)
    {
        using var cancel = new CancellationTokenSource();
        var timer = context.CreateTimer(until, cancel.Token);
        var signal = context.WaitForExternalEvent<string>(CampaignInstance.SignalEvent, cancel.Token);
        await Task.WhenAny(timer, signal);

        // Cancel, not CancelAsync: the orchestrator must go on on its own thread (CancelAsync continues on the pool).
#pragma warning disable CA1849
        cancel.Cancel();
#pragma warning restore CA1849
    }
}
