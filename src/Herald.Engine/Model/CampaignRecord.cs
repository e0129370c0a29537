using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Herald.Core.Domain;
using Herald.Core.Limits;
using Herald.Platforms.Abstractions;

namespace Herald.Engine.Model;

/// <summary>
/// The row of one campaign (partition = tenant, row = campaign id): its definition, its lifecycle
/// status and which target shards are known to hold no pending target. Pause, resume and cancel are
/// ETag-guarded changes of <see cref="Status"/>; ticks read it before they act.
/// </summary>
public sealed class CampaignRecord
{
    /// <summary>The definition.</summary>
    public required Campaign Campaign { get; set; }

    /// <summary>An operator's name for it.</summary>
    public string? Name { get; set; }

    /// <summary>Inline keyboard of bot messages (R14).</summary>
    public IReadOnlyList<IReadOnlyList<InlineButton>>? Keyboard { get; set; }

    /// <summary>Where it is in its life (never <see cref="CampaignStatus.Waiting"/>: that is derived).</summary>
    public CampaignStatus Status { get; set; }

    /// <summary>Targets in the campaign, including those skipped when it was created.</summary>
    public int Total { get; set; }

    /// <summary>Recipients skipped at creation because they are suppressed (R34).</summary>
    public int SkippedAtCreation { get; set; }

    /// <summary>Targets found in flight for an account that no longer exists, resolved as unknown.</summary>
    public int OrphansUnknown { get; set; }

    /// <summary>How many partitions the targets are spread over.</summary>
    public int Shards { get; set; } = 1;

    /// <summary>One character per shard: <c>1</c> when the shard was found with no pending target.</summary>
    public string Exhausted { get; set; } = "0";

    /// <summary>Where the recipient list came from and when (R36).</summary>
    public string? Source { get; set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// Its targets are still being written from <see cref="PrepareFrom"/> (a large list, created without making the
    /// caller wait). Accounts leave it alone and it cannot complete until this is false; pause, resume and cancel
    /// work as usual meanwhile.
    /// </summary>
    public bool Preparing { get; set; }

    /// <summary>Where a preparing campaign's recipients are read from (an import id).</summary>
    public string? PrepareFrom { get; set; }

    /// <summary>Targets written so far while preparing (progress).</summary>
    public int Prepared { get; set; }

    /// <summary>
    /// Its accounts' admin rights in the target chat are still to be checked (R12): an invite campaign's accounts leave
    /// it alone until its orchestration has checked them (<see cref="NeedsRightsCheck"/>) and excluded those without rights.
    /// </summary>
    public bool RightsPending { get; set; }

    /// <summary>
    /// Accounts that left this campaign only (no admin or invite rights in its chat, R12), each with its reason code:
    /// <see cref="Uses"/> is false for them; they stay usable for other campaigns. Written with the row's ETag.
    /// </summary>
    public Dictionary<string, string> Excluded { get; set; } = new(StringComparer.Ordinal);

    /// <summary>When it last became runnable (started or resumed): aging in work choice counts from it.</summary>
    public DateTimeOffset? RunnableSince { get; set; }

    /// <summary>When it ended (completed or cancelled).</summary>
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>
    /// Why it ended without finishing its work, when that was no operator's doing: its orchestration failed for good (an
    /// activity failed past its retries). A person reads it; it names the step and the error, never a recipient.
    /// </summary>
    public string? Error { get; set; }

    /// <summary>
    /// Why it is paused when no operator paused it: an account could not pay for what it asked
    /// (<c>stars_balance_spent</c>: a paid broadcast's Stars balance ran out). Resuming clears it.
    /// </summary>
    public string? PausedReason { get; set; }

    /// <summary>
    /// Its orchestration was found to exist (set by <see cref="Orchestrations.OrchestrationReconciler"/>): a campaign not
    /// ended without it has its orchestration scheduled again, idempotently.
    /// </summary>
    public bool Orchestrated { get; set; }

    /// <summary>The row's ETag as read.</summary>
    public ETag ETag { get; set; }

    /// <summary>The tenant.</summary>
    public string TenantId => Campaign.TenantId;

    /// <summary>The campaign id.</summary>
    public string Id => Campaign.Id;

    /// <summary>The status as the API shows it: <c>preparing</c> while a running or scheduled campaign's targets are written.</summary>
    public string WireStatus => Preparing && Status is CampaignStatus.Running or CampaignStatus.Scheduled ? "preparing" : Status.ToWire();

    /// <summary>True when every shard was found empty of pending targets.</summary>
    public bool AllShardsExhausted => !Exhausted.Contains('0', StringComparison.Ordinal);

    /// <summary>True when at least one shard was found empty of pending targets (the campaign is in its last stretch).</summary>
    public bool AnyShardExhausted => Exhausted.Contains('1', StringComparison.Ordinal);

    /// <summary>True when shard <paramref name="shard"/> was found empty.</summary>
    public bool IsExhausted(int shard) => shard < Exhausted.Length && Exhausted[shard] == '1';

    /// <summary>Marks a shard empty or not; returns false when nothing changed.</summary>
    public bool SetExhausted(int shard, bool exhausted)
    {
        if (IsExhausted(shard) == exhausted)
        {
            return false;
        }

        var chars = Exhausted.PadRight(Shards, '0').ToCharArray();
        chars[shard] = exhausted ? '1' : '0';
        Exhausted = new string(chars);
        return true;
    }

    /// <summary>
    /// True when the campaign uses the account: it names it (<see cref="Names"/>) and the account has not left it
    /// (<see cref="Excluded"/>).
    /// </summary>
    public bool Uses(AccountRecord account) => Names(account) && !Excluded.ContainsKey(account.AccountId);

    /// <summary>
    /// True when the campaign's definition takes the account (an empty list means every account of the platform), even
    /// if it has left the campaign since: what it did for it is still its own (recovery, counters).
    /// </summary>
    public bool Names(AccountRecord account) =>
        account.Platform == Campaign.Platform
        && (Campaign.AccountIds is not { Count: > 0 } ids || ids.Contains(account.AccountId, StringComparer.Ordinal));

    /// <summary>True when its accounts' admin rights are checked before it starts: an invite into a chat that really runs (R12).</summary>
    public bool NeedsRightsCheck =>
        !Campaign.DryRun && Campaign.Actions.Contains(ActionKind.Invite) && !string.IsNullOrWhiteSpace(Campaign.TargetChat);

    /// <summary>Makes <paramref name="accountId"/> leave this campaign with <paramref name="reason"/>; false when it had left already.</summary>
    public bool Exclude(string accountId, string reason) => Excluded.TryAdd(accountId, reason);

    /// <summary>The table row.</summary>
    public TableEntity ToEntity()
    {
        var c = Campaign;
        var w = c.Schedule.Window;
        var e = new TableEntity(c.TenantId, c.Id)
        {
            ["Name"] = Name,
            ["Platform"] = c.Platform.ToString(),
            ["Actions"] = string.Join(',', c.Actions),
            ["Priority"] = c.Priority,
            ["Delivery"] = c.Delivery.ToString(),
            ["DryRun"] = c.DryRun,
            ["FallbackToMessage"] = c.FallbackToMessage,
            ["MessageTemplate"] = c.MessageTemplate,
            ["TargetChat"] = c.TargetChat,
            ["AccountIds"] = c.AccountIds is { Count: > 0 } ids ? string.Join(',', ids) : null,
            ["PaidBroadcastAccounts"] = c.PaidBroadcastAccounts is { Count: > 0 } paid ? string.Join(',', paid) : null,
            ["StartAt"] = c.Schedule.StartAt,
            ["WindowStart"] = w?.Start.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["WindowEnd"] = w?.End.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["WindowZone"] = w?.TimeZoneId,
            ["WindowDays"] = w?.Days is { } days ? string.Join(',', days) : null,
            ["Keyboard"] = Keyboard is null ? null : JsonSerializer.Serialize(Keyboard, EngineJson.Options),
            ["Status"] = Status.ToString(),
            ["Total"] = Total,
            ["SkippedAtCreation"] = SkippedAtCreation,
            ["OrphansUnknown"] = OrphansUnknown,
            ["Shards"] = Shards,
            ["Exhausted"] = Exhausted,
            ["Source"] = Source,
            ["CreatedAt"] = CreatedAt,
            ["Preparing"] = Preparing,
            ["PrepareFrom"] = PrepareFrom,
            ["Prepared"] = Prepared,
            ["RunnableSince"] = RunnableSince,
            ["EndedAt"] = EndedAt,
            ["RightsPending"] = RightsPending,
            ["Excluded"] = Excluded.Count > 0 ? JsonSerializer.Serialize(Excluded, EngineJson.Options) : null,
            ["Error"] = Error,
            ["PausedReason"] = PausedReason,
            ["Orchestrated"] = Orchestrated,
        };
        e.ETag = ETag;
        return e;
    }

    /// <summary>Reads a table row.</summary>
    public static CampaignRecord FromEntity(TableEntity e)
    {
        TimeWindow? window = null;
        if (e.GetString("WindowZone") is { Length: > 0 } zone)
        {
            var days = e.GetString("WindowDays") is { Length: > 0 } d ? d.Split(',').Select(Enum.Parse<DayOfWeek>).ToArray() : null;
            window = new TimeWindow(
                TimeOnly.ParseExact(e.GetString("WindowStart")!, "HH:mm", CultureInfo.InvariantCulture),
                TimeOnly.ParseExact(e.GetString("WindowEnd")!, "HH:mm", CultureInfo.InvariantCulture),
                zone,
                days);
        }

        var campaign = new Campaign(
            e.PartitionKey,
            e.RowKey,
            Enum.Parse<PlatformKind>(e.GetString("Platform")!),
            e.GetString("Actions")!.Split(',').Select(Enum.Parse<ActionKind>).ToArray(),
            new CampaignSchedule(e.GetDateTimeOffset("StartAt"), window),
            e.GetInt32("Priority") ?? 0,
            Enum.Parse<DeliveryMode>(e.GetString("Delivery") ?? nameof(DeliveryMode.AtMostOnce)),
            e.GetBoolean("DryRun") ?? false,
            e.GetBoolean("FallbackToMessage") ?? false,
            e.GetString("MessageTemplate"),
            e.GetString("TargetChat"),
            e.GetString("AccountIds") is { Length: > 0 } ids ? ids.Split(',') : null,
            e.GetString("PaidBroadcastAccounts") is { Length: > 0 } paid ? paid.Split(',') : null);
        return new CampaignRecord
        {
            Campaign = campaign,
            Name = e.GetString("Name"),
            Keyboard = e.GetString("Keyboard") is { Length: > 0 } k
                ? JsonSerializer.Deserialize<List<List<InlineButton>>>(k, EngineJson.Options)
                : null,
            Status = Enum.Parse<CampaignStatus>(e.GetString("Status") ?? nameof(CampaignStatus.Running)),
            Total = e.GetInt32("Total") ?? 0,
            SkippedAtCreation = e.GetInt32("SkippedAtCreation") ?? 0,
            OrphansUnknown = e.GetInt32("OrphansUnknown") ?? 0,
            Shards = e.GetInt32("Shards") ?? 1,
            Exhausted = e.GetString("Exhausted") ?? "0",
            Source = e.GetString("Source"),
            CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.UnixEpoch,
            Preparing = e.GetBoolean("Preparing") ?? false,
            PrepareFrom = e.GetString("PrepareFrom"),
            Prepared = e.GetInt32("Prepared") ?? 0,
            RunnableSince = e.GetDateTimeOffset("RunnableSince"),
            EndedAt = e.GetDateTimeOffset("EndedAt"),
            RightsPending = e.GetBoolean("RightsPending") ?? false,
            Excluded = e.GetString("Excluded") is { Length: > 0 } x
                ? new Dictionary<string, string>(JsonSerializer.Deserialize<Dictionary<string, string>>(x, EngineJson.Options)!, StringComparer.Ordinal)
                : new(StringComparer.Ordinal),
            Error = e.GetString("Error"),
            PausedReason = e.GetString("PausedReason"),
            Orchestrated = e.GetBoolean("Orchestrated") ?? false,
            ETag = e.ETag,
        };
    }

    /// <summary>True when the text of its messages may hold a link (the lower daily cap applies).</summary>
    public bool MayContainLinks => LinkDetector.ContainsLink(Campaign.MessageTemplate);
}
