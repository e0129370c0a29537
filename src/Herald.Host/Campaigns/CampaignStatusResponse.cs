using Herald.Core.Domain;
using Herald.Engine.Campaigns;
using Herald.Host.WhatsApp;

namespace Herald.Host.Campaigns;

/// <summary>
/// The answer to <c>GET /api/campaigns/{id}</c>: the engine's live status (<see cref="CampaignStatusView"/>, R24) with
/// what the host adds, the platform's delivery receipts. The engine's view stays the engine's and System.Text.Json
/// cannot flatten one record into another, so this repeats its properties (documented there) in the same order.
/// </summary>
public sealed record CampaignStatusResponse
{
    /// <inheritdoc cref="CampaignStatusView.Id"/>
    public required string Id { get; init; }

    /// <inheritdoc cref="CampaignStatusView.Name"/>
    public string? Name { get; init; }

    /// <inheritdoc cref="CampaignStatusView.Status"/>
    public required string Status { get; init; }

    /// <inheritdoc cref="CampaignStatusView.WaitingReason"/>
    public string? WaitingReason { get; init; }

    /// <inheritdoc cref="CampaignStatusView.PausedReason"/>
    public string? PausedReason { get; init; }

    /// <inheritdoc cref="CampaignStatusView.ResumeAt"/>
    public DateTimeOffset? ResumeAt { get; init; }

    /// <inheritdoc cref="CampaignStatusView.Platform"/>
    public PlatformKind Platform { get; init; }

    /// <inheritdoc cref="CampaignStatusView.Actions"/>
    public required IReadOnlyList<ActionKind> Actions { get; init; }

    /// <inheritdoc cref="CampaignStatusView.Priority"/>
    public int Priority { get; init; }

    /// <inheritdoc cref="CampaignStatusView.DryRun"/>
    public bool DryRun { get; init; }

    /// <inheritdoc cref="CampaignStatusView.Delivery"/>
    public DeliveryMode Delivery { get; init; }

    /// <inheritdoc cref="CampaignStatusView.Total"/>
    public int Total { get; init; }

    /// <inheritdoc cref="CampaignStatusView.Prepared"/>
    public int? Prepared { get; init; }

    /// <inheritdoc cref="CampaignStatusView.Processed"/>
    public long Processed { get; init; }

    /// <inheritdoc cref="CampaignStatusView.Remaining"/>
    public long Remaining { get; init; }

    /// <inheritdoc cref="CampaignStatusView.Counts"/>
    public required CampaignCounts Counts { get; init; }

    /// <summary>
    /// The campaign's messages by their furthest delivery status as the platform's receipts report it (WhatsApp status
    /// webhooks: sent, delivered, read, failed); all zero for a platform that sends no receipts.
    /// </summary>
    public required DeliveryCounts Deliveries { get; init; }

    /// <inheritdoc cref="CampaignStatusView.Reasons"/>
    public required IReadOnlyDictionary<string, long> Reasons { get; init; }

    /// <inheritdoc cref="CampaignStatusView.SpeedPerMinute"/>
    public double SpeedPerMinute { get; init; }

    /// <inheritdoc cref="CampaignStatusView.Eta"/>
    public DateTimeOffset? Eta { get; init; }

    /// <inheritdoc cref="CampaignStatusView.CreatedAt"/>
    public DateTimeOffset CreatedAt { get; init; }

    /// <inheritdoc cref="CampaignStatusView.StartAt"/>
    public DateTimeOffset? StartAt { get; init; }

    /// <inheritdoc cref="CampaignStatusView.EndedAt"/>
    public DateTimeOffset? EndedAt { get; init; }

    /// <inheritdoc cref="CampaignStatusView.Source"/>
    public string? Source { get; init; }

    /// <inheritdoc cref="CampaignStatusView.Error"/>
    public string? Error { get; init; }

    /// <inheritdoc cref="CampaignStatusView.Accounts"/>
    public required IReadOnlyList<CampaignAccountStatus> Accounts { get; init; }

    /// <inheritdoc cref="CampaignStatusView.ExcludedAccounts"/>
    public IReadOnlyList<CampaignExcludedAccount> ExcludedAccounts { get; init; } = [];

    /// <summary>The engine's view with the campaign's delivery counts.</summary>
    public static CampaignStatusResponse From(CampaignStatusView view, DeliveryCounts deliveries)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new()
        {
            Id = view.Id,
            Name = view.Name,
            Status = view.Status,
            WaitingReason = view.WaitingReason,
            PausedReason = view.PausedReason,
            ResumeAt = view.ResumeAt,
            Platform = view.Platform,
            Actions = view.Actions,
            Priority = view.Priority,
            DryRun = view.DryRun,
            Delivery = view.Delivery,
            Total = view.Total,
            Prepared = view.Prepared,
            Processed = view.Processed,
            Remaining = view.Remaining,
            Counts = view.Counts,
            Deliveries = deliveries,
            Reasons = view.Reasons,
            SpeedPerMinute = view.SpeedPerMinute,
            Eta = view.Eta,
            CreatedAt = view.CreatedAt,
            StartAt = view.StartAt,
            EndedAt = view.EndedAt,
            Source = view.Source,
            Error = view.Error,
            Accounts = view.Accounts,
            ExcludedAccounts = view.ExcludedAccounts,
        };
    }
}
