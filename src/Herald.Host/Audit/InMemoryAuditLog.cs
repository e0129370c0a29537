using System.Collections.Concurrent;

namespace Herald.Host.Audit;

/// <summary>
/// Keeps the newest <see cref="Capacity"/> audit entries in memory and writes each to the log (event 1301): the audit
/// log when no storage is configured, and for tests.
/// </summary>
public sealed class InMemoryAuditLog(TimeProvider timeProvider, ILogger<InMemoryAuditLog> logger) : IAuditLog
{
    /// <summary>How many entries are kept.</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentQueue<AuditEntry> _entries = new();

    /// <inheritdoc />
    public Task RecordAsync(
        string tenantId,
        string actor,
        string action,
        string resourceType,
        string resourceId,
        IReadOnlyDictionary<string, string>? details = null,
        CancellationToken cancellationToken = default)
    {
        _entries.Enqueue(AuditKeys.NewEntry(timeProvider, tenantId, actor, action, resourceType, resourceId, details));
        while (_entries.Count > Capacity && _entries.TryDequeue(out _))
        {
        }

        Log.AuditRecorded(logger, tenantId, actor, action, resourceType, resourceId);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<AuditPage> ListAsync(string tenantId, int limit = AuditPage.DefaultLimit, string? continuation = null, CancellationToken cancellationToken = default)
    {
        AuditKeys.CheckQuery(tenantId, limit, continuation);
        var entries = _entries
            .Where(e => string.Equals(e.TenantId, tenantId, StringComparison.Ordinal)
                && (continuation is null || string.CompareOrdinal(e.Id, continuation) > 0))
            .OrderBy(e => e.Id, StringComparer.Ordinal)
            .Take(limit + 1)
            .ToList();
        return Task.FromResult(entries.Count <= limit ? new AuditPage(entries, null) : new AuditPage(entries[..limit], entries[limit - 1].Id));
    }

    /// <summary>The kept entries of <paramref name="tenantId"/>, oldest first.</summary>
    public IReadOnlyList<AuditEntry> EntriesFor(string tenantId) =>
        _entries.Where(e => string.Equals(e.TenantId, tenantId, StringComparison.Ordinal)).ToList();
}
