using Herald.Core.Domain;
using Herald.Core.Imports;
using Herald.Core.Planning;
using Herald.Core.Templates;
using Herald.Engine.Model;

namespace Herald.Host.Campaigns;

/// <summary>The answer to <c>POST /api/campaigns</c> (202): the new campaign, what became of its list, and its start plan.</summary>
/// <param name="Id">The campaign id (also in <c>Location</c>).</param>
/// <param name="Status"><c>running</c>, or <c>scheduled</c> for a delayed start.</param>
/// <param name="Delivery">What a crash may do to a recipient in flight: <c>atMostOnce</c> (default) or <c>atLeastOnce</c>.</param>
/// <param name="Total">Recipients in the campaign (after normalisation and dedupe).</param>
/// <param name="Suppressed">Recipients skipped because the tenant's suppression list holds them (R34).</param>
/// <param name="Source">Where the list came from and when (R36).</param>
/// <param name="Recipients">What the list held and what was dropped, by row number and reason (no values).</param>
/// <param name="Plan">The expected speed and finish (R17).</param>
/// <param name="Warnings">
/// Things the operator should know: the plan's warning, accounts that are disabled, recipients dropped because a bot
/// cannot reach them (<c>unreachable_by_bot</c>), template fields some recipients lack…
/// </param>
/// <param name="TemplateGaps">
/// Each field the message uses without a default that some recipients lack, with how many: those recipients will fail
/// as <c>template_error</c> (write <c>{{field|default}}</c> to send them a default instead). Empty when every message renders.
/// </param>
public sealed record CampaignCreatedResponse(
    string Id,
    string Status,
    DeliveryMode Delivery,
    int Total,
    int Suppressed,
    string? Source,
    RecipientIntake Recipients,
    CampaignPlanResponse Plan,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<TemplateGap> TemplateGaps);

/// <summary>What a campaign's recipient list held.</summary>
/// <param name="ImportId">The uploaded list used, if any (its dropped rows are at <c>GET /api/imports/{id}</c>).</param>
/// <param name="Received">Rows received (inline items, or the import's data rows).</param>
/// <param name="Kept">Recipients kept.</param>
/// <param name="Dropped">Rows dropped.</param>
/// <param name="DroppedCounts">Dropped rows per reason.</param>
/// <param name="DroppedRows">Each dropped inline item: its 1-based number, reason and field.</param>
/// <param name="IgnoredValues">Bad values ignored in kept items (a bad phone next to a good username).</param>
public sealed record RecipientIntake(
    string? ImportId,
    int Received,
    int Kept,
    int Dropped,
    IReadOnlyDictionary<string, int> DroppedCounts,
    IReadOnlyList<ImportIssue> DroppedRows,
    IReadOnlyList<ImportIssue> IgnoredValues);

/// <summary>The start plan (R17); rates are null when no account limits them.</summary>
public sealed record CampaignPlanResponse(
    double? ActionsPerHour,
    double? ActionsPerDay,
    DateTimeOffset? EstimatedFinish,
    bool FitsDeadline,
    string? Warning,
    IReadOnlyList<PlannedAccount> Accounts)
{
    /// <summary>The API shape of a plan.</summary>
    public static CampaignPlanResponse From(StartPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new(
            Finite(plan.ActionsPerHour),
            Finite(plan.ActionsPerDay),
            plan.EstimatedFinish,
            plan.FitsDeadline,
            plan.Warning,
            [.. plan.Shares.Select(s => new PlannedAccount(s.AccountId, s.Status.ToString().ToLowerInvariant(), Finite(s.RecipientsPerDay), Math.Round(s.Share, 4), s.PlannedRecipients))]);
    }

    private static double? Finite(double value) => double.IsFinite(value) ? Math.Round(value, 2) : null;
}

/// <summary>One account's part of the plan.</summary>
public sealed record PlannedAccount(string AccountId, string Status, double? RecipientsPerDay, double Share, int PlannedRecipients);

/// <summary>One campaign in a list.</summary>
public sealed record CampaignSummary(
    string Id,
    string? Name,
    string Status,
    Core.Domain.PlatformKind Platform,
    IReadOnlyList<Core.Domain.ActionKind> Actions,
    int Priority,
    bool DryRun,
    int Total,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartAt,
    DateTimeOffset? EndedAt)
{
    /// <summary>The summary of a campaign row.</summary>
    public static CampaignSummary From(CampaignRecord c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.Id, c.Name, c.WireStatus, c.Campaign.Platform, c.Campaign.Actions, c.Campaign.Priority, c.Campaign.DryRun, c.Total,
            c.CreatedAt, c.Campaign.Schedule.StartAt, c.EndedAt);
    }
}

/// <summary>A page of campaigns, newest first.</summary>
/// <param name="Items">The campaigns.</param>
/// <param name="Continuation">Pass it back as <c>continuation</c> for the next page; null on the last.</param>
public sealed record CampaignPage(IReadOnlyList<CampaignSummary> Items, string? Continuation);

/// <summary>The answer to pause, resume and cancel: the campaign's status now.</summary>
public sealed record CampaignControlResponse(string Id, string Status);
