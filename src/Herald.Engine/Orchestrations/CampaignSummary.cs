namespace Herald.Engine.Orchestrations;

/// <summary>A campaign's final summary: the orchestration's output, and what the operator is notified of.</summary>
public sealed record CampaignSummary(
    string TenantId,
    string CampaignId,
    string Status,
    int Total,
    long Done,
    long Failed,
    long Unknown,
    long Skipped,
    long Cancelled,
    DateTimeOffset? EndedAt);
