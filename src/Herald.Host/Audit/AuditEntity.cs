using Azure;
using Azure.Data.Tables;

namespace Herald.Host.Audit;

/// <summary>One row of <c>heraldaudit</c>: partition = tenant, row key = <see cref="AuditKeys"/> id.</summary>
internal sealed class AuditEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public DateTimeOffset At { get; set; }

    public string Actor { get; set; } = "";

    public string Action { get; set; } = "";

    public string ResourceType { get; set; } = "";

    public string ResourceId { get; set; } = "";

    /// <summary>The cleaned details as a JSON object of strings, or null.</summary>
    public string? Details { get; set; }
}
