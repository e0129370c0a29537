using Microsoft.DurableTask;

namespace Herald.Engine.Orchestrations;

/// <summary>Registers the campaign orchestration and its activities with a Durable Task worker (in the host or a Functions app).</summary>
public static class OrchestrationRegistration
{
    /// <summary>Adds <see cref="CampaignOrchestration"/> and its activities to <paramref name="registry"/>.</summary>
    public static DurableTaskRegistry AddHeraldOrchestrations(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestrator<CampaignOrchestration>()
            .AddActivity<LookAtCampaignActivity>()
            .AddActivity<PlanPreparationActivity>()
            .AddActivity<PrepareChunkActivity>()
            .AddActivity<FinishPreparationActivity>()
            .AddActivity<CheckAdminRightsActivity>()
            .AddActivity<FinishCampaignActivity>()
            .AddActivity<FailCampaignActivity>();
    }
}
