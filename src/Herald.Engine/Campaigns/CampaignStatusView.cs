using Herald.Core.Domain;

namespace Herald.Engine.Campaigns;

/// <summary>The live read model of one campaign (R24).</summary>
public sealed record CampaignStatusView
{
    /// <summary>The campaign id.</summary>
    public required string Id { get; init; }

    /// <summary>The operator's name.</summary>
    public string? Name { get; init; }

    /// <summary>
    /// preparing (a large list's targets are being written; it starts by itself), scheduled, running, waiting, paused,
    /// cancelled, completed or completed_with_errors.
    /// </summary>
    public required string Status { get; init; }

    /// <summary>
    /// Why it waits (all_accounts_resting, outside_window, no_usable_accounts, checking_admin_rights before an invite
    /// campaign's first action, all_accounts_excluded when every account left it: see <see cref="ExcludedAccounts"/>), when it does.
    /// </summary>
    public string? WaitingReason { get; init; }

    /// <summary>
    /// Why a paused campaign is paused when no operator paused it: <c>stars_balance_spent</c> (a bot's Stars balance could
    /// not pay for its paid broadcast; top it up and resume). Null when an operator paused it, or it is not paused.
    /// </summary>
    public string? PausedReason { get; init; }

    /// <summary>When a waiting campaign resumes by itself, if known.</summary>
    public DateTimeOffset? ResumeAt { get; init; }

    /// <summary>The platform.</summary>
    public PlatformKind Platform { get; init; }

    /// <summary>The actions run on each recipient.</summary>
    public required IReadOnlyList<ActionKind> Actions { get; init; }

    /// <summary>Its priority.</summary>
    public int Priority { get; init; }

    /// <summary>True for a dry run (no platform calls, R6).</summary>
    public bool DryRun { get; init; }

    /// <summary>What a crash may do to a recipient in flight: atMostOnce (never sent twice, may be unknown) or atLeastOnce.</summary>
    public DeliveryMode Delivery { get; init; }

    /// <summary>Recipients in the campaign.</summary>
    public int Total { get; init; }

    /// <summary>While the campaign's targets are being written: how many are (null once it is prepared).</summary>
    public int? Prepared { get; init; }

    /// <summary>Recipients finished: done, failed, unknown or skipped.</summary>
    public long Processed { get; init; }

    /// <summary>Recipients not reached yet (0 once the campaign ended).</summary>
    public long Remaining { get; init; }

    /// <summary>Counts by outcome.</summary>
    public required CampaignCounts Counts { get; init; }

    /// <summary>Failures (and skips) by reason code.</summary>
    public required IReadOnlyDictionary<string, long> Reasons { get; init; }

    /// <summary>Actions per minute over the last minutes.</summary>
    public double SpeedPerMinute { get; init; }

    /// <summary>When it should finish: from the plan at first, then from the speed measured since it started running.</summary>
    public DateTimeOffset? Eta { get; init; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Its delayed start, if any.</summary>
    public DateTimeOffset? StartAt { get; init; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Where the recipient list came from (R36).</summary>
    public string? Source { get; init; }

    /// <summary>Why it ended without its work done, when no operator ended it (its orchestration failed for good); else null.</summary>
    public string? Error { get; init; }

    /// <summary>Each account the campaign may use, with what it did for it.</summary>
    public required IReadOnlyList<CampaignAccountStatus> Accounts { get; init; }

    /// <summary>Accounts that left this campaign only (no admin or invite rights in its chat, R12), with the reason code.</summary>
    public IReadOnlyList<CampaignExcludedAccount> ExcludedAccounts { get; init; } = [];
}

/// <summary>An account that left one campaign (it stays usable for others).</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Reason">Why: chat_admin_required, no_invite_rights, not_admin…</param>
public sealed record CampaignExcludedAccount(string AccountId, string Reason);

/// <summary>Counts of a campaign by outcome; <c>Paid</c>: of the messages delivered, those sent as paid broadcasts.</summary>
public sealed record CampaignCounts(
    long Done,
    long Invited,
    long ContactsAdded,
    long Messaged,
    long MessagedInsteadOfInvited,
    long Failed,
    long Unknown,
    long Skipped,
    long Cancelled,
    long FloodWaits,
    long Paid = 0);

/// <summary>One account as a campaign's status shows it.</summary>
public sealed record CampaignAccountStatus(
    string AccountId,
    string? Name,
    string Status,
    DateTimeOffset? Until,
    long Done,
    long Failed,
    long FloodWaits,
    long Paid = 0);
