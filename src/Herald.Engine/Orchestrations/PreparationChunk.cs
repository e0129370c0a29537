namespace Herald.Engine.Orchestrations;

/// <summary>One chunk of a preparing campaign's targets: recipients <see cref="Offset"/> … + <see cref="Count"/>.</summary>
public sealed record PreparationChunk(string TenantId, string CampaignId, int Offset, int Count);

/// <summary>The end of a preparation: every target written, <see cref="Skipped"/> of them suppressed.</summary>
public sealed record PreparationResult(string TenantId, string CampaignId, int Total, int Skipped);
