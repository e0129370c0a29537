namespace Herald.Engine.Orchestrations;

/// <summary>The orchestration's custom status, as the Durable Functions Monitor shows it: where the campaign is.</summary>
public sealed record CampaignProgress(string Status, long Processed, int Total, int? Prepared = null, string? Error = null);
