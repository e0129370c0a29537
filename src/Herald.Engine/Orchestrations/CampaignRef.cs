namespace Herald.Engine.Orchestrations;

/// <summary>A campaign, as orchestration and activity input.</summary>
public sealed record CampaignRef(string TenantId, string CampaignId);
