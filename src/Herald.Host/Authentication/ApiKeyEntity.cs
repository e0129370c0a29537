using Azure;
using Azure.Data.Tables;

namespace Herald.Host.Authentication;

/// <summary>One row of <c>heraldapikeys</c>: partition <see cref="Partition"/>, row key = the key's SHA-256 (lowercase hex).</summary>
internal sealed class ApiKeyEntity : ITableEntity
{
    /// <summary>Every key lives in this one partition: lookups are point reads by hash.</summary>
    public const string Partition = "apikey";

    public string PartitionKey { get; set; } = Partition;

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string TenantId { get; set; } = "";

    public string Name { get; set; } = "";

    public DateTimeOffset Created { get; set; }
}
