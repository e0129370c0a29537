using Herald.Host.Tenancy;

namespace Herald.Host.Audit;

/// <summary>Records audit entries for the current caller.</summary>
public static class AuditLogExtensions
{
    /// <summary>Records that the caller (<see cref="ITenantContext.Actor"/> of its tenant) did <paramref name="action"/> to a resource.</summary>
    public static Task RecordAsync(
        this IAuditLog log,
        ITenantContext caller,
        string action,
        string resourceType,
        string resourceId,
        IReadOnlyDictionary<string, string>? details = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(caller);
        return log.RecordAsync(caller.TenantId, caller.Actor, action, resourceType, resourceId, details, cancellationToken);
    }
}
