using Herald.Core.Domain;

namespace Herald.Engine.Campaigns;

/// <summary>One recipient in a campaign report.</summary>
public sealed record ReportRow(int Sequence, Recipient Recipient, string Status, string? Reason, string? AccountId, DateTimeOffset? At);
