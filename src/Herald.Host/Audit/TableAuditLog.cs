using System.Text.Json;
using Azure.Data.Tables;
using Herald.Host.Storage;

namespace Herald.Host.Audit;

/// <summary>
/// The audit trail in the <c>heraldaudit</c> table (<see cref="HostTables.Audit"/>): one partition per tenant, row keys
/// that sort newest first (<see cref="AuditKeys"/>), so a page is one range query. Each entry is also logged (event 1301).
/// </summary>
public sealed class TableAuditLog : IAuditLog
{
    private readonly EnsuredTable _table;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<TableAuditLog> _logger;

    /// <summary>Uses the <c>heraldaudit</c> table of <paramref name="tables"/>, created on first use.</summary>
    public TableAuditLog(TableServiceClient tables, TimeProvider timeProvider, ILogger<TableAuditLog> logger)
        : this(tables, timeProvider, logger, HostTables.Audit)
    {
    }

    internal TableAuditLog(TableServiceClient tables, TimeProvider timeProvider, ILogger<TableAuditLog> logger, string tableName)
    {
        _table = new EnsuredTable(tables.GetTableClient(tableName));
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task RecordAsync(
        string tenantId,
        string actor,
        string action,
        string resourceType,
        string resourceId,
        IReadOnlyDictionary<string, string>? details = null,
        CancellationToken cancellationToken = default)
    {
        var entry = AuditKeys.NewEntry(_timeProvider, tenantId, actor, action, resourceType, resourceId, details);
        var table = await _table.GetAsync(cancellationToken);
        await table.AddEntityAsync(
            new AuditEntity
            {
                PartitionKey = entry.TenantId,
                RowKey = entry.Id,
                At = entry.At,
                Actor = entry.Actor,
                Action = entry.Action,
                ResourceType = entry.ResourceType,
                ResourceId = entry.ResourceId,
                Details = entry.Details is null ? null : JsonSerializer.Serialize(entry.Details),
            },
            cancellationToken);
        Log.AuditRecorded(_logger, tenantId, actor, action, resourceType, resourceId);
    }

    /// <inheritdoc />
    public async Task<AuditPage> ListAsync(string tenantId, int limit = AuditPage.DefaultLimit, string? continuation = null, CancellationToken cancellationToken = default)
    {
        AuditKeys.CheckQuery(tenantId, limit, continuation);
        var filter = continuation is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {tenantId}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey gt {continuation}");
        var table = await _table.GetAsync(cancellationToken);

        // One more than asked says whether there is a next page without a second round trip.
        var entries = new List<AuditEntry>(limit + 1);
        await foreach (var row in table.QueryAsync<AuditEntity>(filter, maxPerPage: limit + 1, cancellationToken: cancellationToken))
        {
            entries.Add(ToEntry(row));
            if (entries.Count > limit)
            {
                break;
            }
        }

        if (entries.Count <= limit)
        {
            return new AuditPage(entries, null);
        }

        entries.RemoveAt(limit);
        return new AuditPage(entries, entries[^1].Id);
    }

    private static AuditEntry ToEntry(AuditEntity row) => new(
        row.RowKey,
        row.At,
        row.PartitionKey,
        row.Actor,
        row.Action,
        row.ResourceType,
        row.ResourceId,
        row.Details is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(row.Details));
}
