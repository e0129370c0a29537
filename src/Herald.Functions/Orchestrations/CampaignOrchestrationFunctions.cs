using Herald.Engine.Orchestrations;
using Herald.Functions.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Functions.Orchestrations;

/// <summary>
/// The campaign orchestration and its activities (the engine's <see cref="CampaignOrchestration"/>, the same code the
/// local host's DurableTask worker runs) as orchestration and activity triggers, under the names the orchestration
/// calls them by.
/// </summary>
public sealed class CampaignOrchestrationFunctions(HeraldApplication herald)
{
    /// <summary>The orchestration: deterministic, it only orchestrates (no services).</summary>
    [Function(CampaignInstance.OrchestrationName)]
    public static Task<CampaignSummary?> RunCampaign([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new CampaignOrchestration().RunAsync(context, context.GetInput<CampaignRun>()!);
    }

    /// <summary>Looks at the campaign row and moves it on where its time has come.</summary>
    [Function(nameof(LookAtCampaignActivity))]
    public Task<CampaignSnapshot> LookAtCampaign([ActivityTrigger] CampaignRef input, [DurableClient] DurableTaskClient durable) =>
        RunAsync<LookAtCampaignActivity, CampaignRef, CampaignSnapshot>(input, durable);

    /// <summary>Counts what a large import's preparation will write.</summary>
    [Function(nameof(PlanPreparationActivity))]
    public Task<int?> PlanPreparation([ActivityTrigger] CampaignRef input, [DurableClient] DurableTaskClient durable) =>
        RunAsync<PlanPreparationActivity, CampaignRef, int?>(input, durable);

    /// <summary>Writes one chunk of a large import's targets.</summary>
    [Function(nameof(PrepareChunkActivity))]
    public Task<int> PrepareChunk([ActivityTrigger] PreparationChunk input, [DurableClient] DurableTaskClient durable) =>
        RunAsync<PrepareChunkActivity, PreparationChunk, int>(input, durable);

    /// <summary>Ends a preparation: the campaign starts or waits for its time.</summary>
    [Function(nameof(FinishPreparationActivity))]
    public Task<bool> FinishPreparation([ActivityTrigger] PreparationResult input, [DurableClient] DurableTaskClient durable) =>
        RunAsync<FinishPreparationActivity, PreparationResult, bool>(input, durable);

    /// <summary>Checks an invite campaign's accounts' admin rights before they start, excluding those without (R12).</summary>
    [Function(nameof(CheckAdminRightsActivity))]
    public Task<int?> CheckAdminRights([ActivityTrigger] CampaignRef input, [DurableClient] DurableTaskClient durable) =>
        RunAsync<CheckAdminRightsActivity, CampaignRef, int?>(input, durable);

    /// <summary>The final summary and the operator notification.</summary>
    [Function(nameof(FinishCampaignActivity))]
    public Task<CampaignSummary?> FinishCampaign([ActivityTrigger] CampaignRef input, [DurableClient] DurableTaskClient durable) =>
        RunAsync<FinishCampaignActivity, CampaignRef, CampaignSummary?>(input, durable);

    /// <summary>Ends a campaign whose orchestration failed for good, with the error.</summary>
    [Function(nameof(FailCampaignActivity))]
    public Task<bool> FailCampaign([ActivityTrigger] CampaignFailure input, [DurableClient] DurableTaskClient durable) =>
        RunAsync<FailCampaignActivity, CampaignFailure, bool>(input, durable);

    // Herald's activities read nothing from their context but their input: the context carries only the name.
    private Task<TOutput> RunAsync<TActivity, TInput, TOutput>(TInput input, DurableTaskClient durable)
        where TActivity : TaskActivity<TInput, TOutput> =>
        herald.WithDurableClientAsync(durable, sp =>
            ActivatorUtilities.CreateInstance<TActivity>(sp).RunAsync(new NamedActivityContext(typeof(TActivity).Name), input));

    private sealed class NamedActivityContext(TaskName name) : TaskActivityContext
    {
        public override TaskName Name { get; } = name;

        public override string InstanceId => string.Empty;
    }
}
