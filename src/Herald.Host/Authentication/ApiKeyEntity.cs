using Azure;
using Azure.Data.Tables;

namespace Herald.Host.Authentication;

/// <summary>
/// One row of <c>heraldapikeys</c>: partition <see cref="Partition"/>, row key = the key's SHA-256 (lowercase hex). The key
/// itself is never stored; <see cref="Prefix"/> (its first few characters) only helps a person tell keys apart.
/// </summary>
internal sealed class ApiKeyEntity : ITableEntity
{
    /// <summary>Every key lives in this one partition: lookups are point reads by hash.</summary>
    public const string Partition = "apikey";

    public string PartitionKey { get; set; } = Partition;

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>The id the API names the key by (never the hash). Empty for keys made before keys had ids.</summary>
    public string Id { get; set; } = "";

    public string TenantId { get; set; } = "";

    public string Name { get; set; } = "";

    public string Prefix { get; set; } = "";

    public bool ReadOnly { get; set; }

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset? LastUsed { get; set; }

    public ApiKeyInfo ToInfo() => new(Id, Name, Prefix, ReadOnly, Created, LastUsed);
}
