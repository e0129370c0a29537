using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Herald.Core.Domain;
using Herald.Core.Limits;
using Herald.Core.Pacing;

namespace Herald.Engine.Model;

/// <summary>
/// The row of one account actor (partition = tenant, row = account id): what the account is, its
/// pacing state, its live tick, its lease, and its recent usage (what it did per campaign is in rows beside it,
/// <see cref="Persistence.CounterStore"/>). Only the tick holding the
/// lease changes the actor fields; control fields (<see cref="Disabled"/>, <see cref="WakeRequested"/>)
/// may change at any time, which the tick notices through the ETag.
/// </summary>
public sealed class AccountRecord
{
    /// <summary>The owning tenant (partition key).</summary>
    public required string TenantId { get; init; }

    /// <summary>The account id (row key).</summary>
    public required string AccountId { get; init; }

    /// <summary>The platform of the account.</summary>
    public PlatformKind Platform { get; set; }

    /// <summary>Bot or user account.</summary>
    public AccountKind Kind { get; set; }

    /// <summary>An operator's label for the account (never the token or phone).</summary>
    public string? Name { get; set; }

    /// <summary>Where the credential lives in the secret store.</summary>
    public string SecretReference { get; set; } = "";

    /// <summary>Optional proxy (network routing only, R23).</summary>
    public string? Proxy { get; set; }

    /// <summary>Per-account limits (only lower than the configured ones, R35).</summary>
    public LimitOverrides? Overrides { get; set; }

    /// <summary>Disabled by the operator: takes no work.</summary>
    public bool Disabled { get; set; }

    /// <summary>
    /// A user account that has no logged-in session yet (imported from integration-service with its credentials only): it
    /// is <see cref="Disabled"/> too, so it takes no work, until its login completes (which clears both).
    /// </summary>
    public bool LoginRequired { get; set; }

    /// <summary>The pacing state (counters, cooldown, adaptive factor, blocked).</summary>
    public AccountState State { get; set; } = new();

    /// <summary>The id of the one live tick, or null when the actor is parked (no work anywhere).</summary>
    public string? TickId { get; set; }

    /// <summary>When the live tick is due.</summary>
    public DateTimeOffset? NextTickAt { get; set; }

    /// <summary>The attempt that holds the account now (or died holding it).</summary>
    public string? LeaseId { get; set; }

    /// <summary>Until when the lease holds; after it another worker may take the account over.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>
    /// Attempts that died holding the lease and whose targets are not yet adopted and counted. The attempt that takes
    /// the lease over adds the dead one here in the same write, and clears the list only with the row write that holds
    /// what it counted: if it dies while recovering, the next one recovers both.
    /// </summary>
    public List<string> Unrecovered { get; set; } = [];

    /// <summary>Set by a campaign start or resume while a tick runs, so the tick does not park.</summary>
    public bool WakeRequested { get; set; }

    /// <summary>
    /// What this account did per campaign id, as rows written before the counters moved to rows of their own
    /// (<see cref="Persistence.CounterStore"/>; the old <c>Counters</c> property): read as a fallback, and given up campaign by
    /// campaign as the actor next counts for one (<see cref="Persistence.CounterStore.ForAsync"/>). Empty on newer rows, so the
    /// row stays the same size however many campaigns the account serves.
    /// </summary>
    public Dictionary<string, CampaignCounters> LegacyCounters { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The counter rows this tick read and changes, by campaign id; not part of the row, but written in one transaction
    /// with it (<see cref="Persistence.AccountStore.TryCommitAsync"/>).
    /// </summary>
    public Dictionary<string, CampaignCounters> Campaigns { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Actions per minute over all campaigns (key: minutes since the Unix epoch), the last
    /// <see cref="CampaignCounters.MinuteBuckets"/> minutes: the account's recent usage.
    /// </summary>
    public Dictionary<long, long> RecentActions { get; set; } = [];

    /// <summary>When the account was registered.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The row's ETag as read.</summary>
    public ETag ETag { get; set; }

    /// <summary>The table row.</summary>
    public TableEntity ToEntity()
    {
        var e = new TableEntity(TenantId, AccountId)
        {
            ["Platform"] = Platform.ToString(),
            ["Kind"] = Kind.ToString(),
            ["Name"] = Name,
            ["SecretReference"] = SecretReference,
            ["Proxy"] = Proxy,
            ["Overrides"] = Overrides is null ? null : JsonSerializer.Serialize(Overrides, EngineJson.Options),
            ["Disabled"] = Disabled,
            ["LoginRequired"] = LoginRequired ? true : null,
            ["State"] = State.Serialize(),
            ["Status"] = State.IsBlocked ? "blocked" : null,
            ["TickId"] = TickId,
            ["NextTickAt"] = NextTickAt,
            ["LeaseId"] = LeaseId,
            ["LeaseUntil"] = LeaseUntil,
            ["WakeRequested"] = WakeRequested,
            ["Unrecovered"] = Unrecovered.Count == 0 ? null : string.Join(',', Unrecovered),
            ["Counters"] = LegacyCounters.Count == 0 ? null : JsonSerializer.Serialize(LegacyCounters, EngineJson.Options),
            ["Recent"] = RecentActions.Count == 0 ? null : JsonSerializer.Serialize(RecentActions, EngineJson.Options),
            ["CreatedAt"] = CreatedAt,
        };
        e.ETag = ETag;
        return e;
    }

    /// <summary>Reads a table row.</summary>
    public static AccountRecord FromEntity(TableEntity e) => new()
    {
        TenantId = e.PartitionKey,
        AccountId = e.RowKey,
        Platform = Enum.Parse<PlatformKind>(e.GetString("Platform") ?? nameof(PlatformKind.Telegram)),
        Kind = Enum.Parse<AccountKind>(e.GetString("Kind") ?? nameof(AccountKind.Bot)),
        Name = e.GetString("Name"),
        SecretReference = e.GetString("SecretReference") ?? "",
        Proxy = e.GetString("Proxy"),
        Overrides = e.GetString("Overrides") is { Length: > 0 } o ? JsonSerializer.Deserialize<LimitOverrides>(o, EngineJson.Options) : null,
        Disabled = e.GetBoolean("Disabled") ?? false,
        LoginRequired = e.GetBoolean("LoginRequired") ?? false,
        State = AccountState.TryParse(e.GetString("State"), out var state) ? state : new AccountState(),
        TickId = e.GetString("TickId"),
        NextTickAt = e.GetDateTimeOffset("NextTickAt"),
        LeaseId = e.GetString("LeaseId"),
        LeaseUntil = e.GetDateTimeOffset("LeaseUntil"),
        WakeRequested = e.GetBoolean("WakeRequested") ?? false,
        Unrecovered = [.. (e.GetString("Unrecovered") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)],
        LegacyCounters = e.GetString("Counters") is { Length: > 0 } c
            ? new(JsonSerializer.Deserialize<Dictionary<string, CampaignCounters>>(c, EngineJson.Options) ?? [], StringComparer.Ordinal)
            : new(StringComparer.Ordinal),
        RecentActions = e.GetString("Recent") is { Length: > 0 } r
            ? JsonSerializer.Deserialize<Dictionary<long, long>>(r, EngineJson.Options) ?? []
            : [],
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.UnixEpoch,
        ETag = e.ETag,
    };
}
