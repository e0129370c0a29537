using Azure;

namespace Herald.Storage.Tables;

/// <summary>
/// A table entity: the keys and system properties every entity has. Implement it on a POCO with public
/// read/write properties (string, int, long, double, bool, DateTimeOffset, DateTime, Guid, byte[], their
/// nullable forms, enums stored as strings) to read and write it directly; or use <see cref="TableEntity"/>.
/// </summary>
public interface ITableEntity
{
    /// <summary>The partition key (≤ 1 KiB; no <c>/ \ # ?</c> or control characters).</summary>
    string PartitionKey { get; set; }

    /// <summary>The row key (≤ 1 KiB; no <c>/ \ # ?</c> or control characters).</summary>
    string RowKey { get; set; }

    /// <summary>When the service last modified the entity; set by the service, ignored on writes.</summary>
    DateTimeOffset? Timestamp { get; set; }

    /// <summary>The entity's ETag as last read or written; used for optimistic concurrency.</summary>
    ETag ETag { get; set; }
}
