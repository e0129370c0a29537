using System.Globalization;

namespace Herald.Engine.Model;

/// <summary>How the engine builds partition and row keys. Every key starts with the tenant.</summary>
public static class EngineKeys
{
    /// <summary>The partition of one shard of a campaign's targets.</summary>
    public static string TargetPartition(string tenantId, string campaignId, int shard) =>
        string.Create(CultureInfo.InvariantCulture, $"{tenantId}|{campaignId}|{shard:D3}");

    /// <summary>The first and the last partition of a campaign's targets, for range queries.</summary>
    public static (string From, string To) TargetPartitionRange(string tenantId, string campaignId) =>
        ($"{tenantId}|{campaignId}|", $"{tenantId}|{campaignId}|~");

    /// <summary>The row key of target number <paramref name="sequence"/> (sorts numerically).</summary>
    public static string TargetRow(int sequence) => sequence.ToString("D7", CultureInfo.InvariantCulture);

    /// <summary>The partition of a campaign's statistics rows.</summary>
    public static string StatsPartition(string tenantId, string campaignId) => $"{tenantId}|{campaignId}";

    /// <summary>
    /// Where the counter rows start in a tenant's partition of the accounts table: after every account row, as no account
    /// id starts with <c>~</c>.
    /// </summary>
    public const string CounterRowPrefix = "~c|";

    /// <summary>The row key of one account's counters for one campaign (beside the account row, in its partition).</summary>
    public static string CounterRow(string campaignId, string accountId) => $"{CounterRowPrefix}{campaignId}|{accountId}";

    /// <summary>The range of row keys of one campaign's counter rows (from inclusive, to exclusive).</summary>
    public static (string From, string To) CounterRowRange(string campaignId) =>
        ($"{CounterRowPrefix}{campaignId}|", $"{CounterRowPrefix}{campaignId}|~");

    /// <summary>
    /// Where the claim markers (<see cref="ClaimMarker"/>) start in a shard partition of the targets table: after every
    /// target row, as target row keys are digits. Queries over targets keep below it (<see cref="TargetRowsEnd"/>).
    /// </summary>
    public const string ClaimMarkerPrefix = "~claim|";

    /// <summary>The row keys of targets are below this one (claim markers are not).</summary>
    public const string TargetRowsEnd = "~";

    /// <summary>The row key of an account's claim marker in a shard partition.</summary>
    public static string ClaimMarkerRow(string accountId) => ClaimMarkerPrefix + accountId;

    /// <summary>The shard of a target partition key.</summary>
    public static int ShardOf(string targetPartition) =>
        int.Parse(targetPartition.AsSpan(targetPartition.LastIndexOf('|') + 1), CultureInfo.InvariantCulture);

    /// <summary>
    /// A new campaign id: 32 hex digits, the first 16 counting down with <paramref name="createdAt"/> (ticks before
    /// <see cref="DateTimeOffset.MaxValue"/>), the rest random, so the campaigns table lists a tenant's campaigns newest
    /// first and pages them in storage.
    /// </summary>
    public static string NewCampaignId(DateTimeOffset createdAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.MaxValue.UtcTicks - createdAt.UtcTicks:x16}{System.Security.Cryptography.RandomNumberGenerator.GetHexString(16, lowercase: true)}");

    /// <summary>A new opaque id (ticks, attempts).</summary>
    public static string NewId() => Guid.NewGuid().ToString("N");
}
