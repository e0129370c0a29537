namespace Herald.Engine.Orchestrations;

/// <summary>Names shared by the campaign orchestration, its starters and whoever signals it.</summary>
public static class CampaignInstance
{
    /// <summary>The orchestration's registered name (what the Durable Functions Monitor lists).</summary>
    public const string OrchestrationName = nameof(CampaignOrchestration);

    /// <summary>The one external event the orchestration waits for; its payload is a <see cref="CampaignSignal"/> name.</summary>
    public const string SignalEvent = "campaign-signal";

    /// <summary>The instance id of a campaign's orchestration: one per campaign, derived from its ids.</summary>
    public static string IdOf(string tenantId, string campaignId)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(campaignId);
        return $"campaign:{tenantId}:{campaignId}";
    }
}
