namespace Herald.Engine.Orchestrations;

/// <summary>
/// The campaign orchestration's input: which campaign, and its settings fixed at start (so every replay decides alike).
/// </summary>
/// <param name="TenantId">The campaign's tenant.</param>
/// <param name="CampaignId">The campaign.</param>
/// <param name="LookEvery">How often a running or paused campaign is looked at without a signal (a lost one).</param>
/// <param name="ChunkSize">Targets written by one preparation activity.</param>
/// <param name="ChunksAtOnce">Preparation activities run at once.</param>
public sealed record CampaignRun(string TenantId, string CampaignId, TimeSpan LookEvery, int ChunkSize, int ChunksAtOnce)
{
    /// <summary>The campaign, as activity input.</summary>
    public CampaignRef Campaign => new(TenantId, CampaignId);
}
