namespace Herald.Host.Audit;

/// <summary>
/// The audit trail of user actions (create, pause, resume, cancel, …; R31). The in-memory implementation serves until
/// the storage clients land; then a table-backed one replaces it. Details must not carry secrets, phone numbers or
/// message bodies.
/// </summary>
public interface IAuditLog
{
    /// <summary>Records that <paramref name="actor"/> of <paramref name="tenantId"/> did <paramref name="action"/> to a resource.</summary>
    Task RecordAsync(
        string tenantId,
        string actor,
        string action,
        string resourceType,
        string resourceId,
        IReadOnlyDictionary<string, string>? details = null,
        CancellationToken cancellationToken = default);
}

/// <summary>One audit record.</summary>
/// <param name="At">When (from the injected clock).</param>
/// <param name="TenantId">The tenant.</param>
/// <param name="Actor">Who acted (token subject or <c>api-key:{name}</c>).</param>
/// <param name="Action">What was done, e.g. <c>campaign.pause</c>.</param>
/// <param name="ResourceType">The kind of resource, e.g. <c>campaign</c>.</param>
/// <param name="ResourceId">The resource's id.</param>
/// <param name="Details">Extra non-sensitive facts.</param>
public sealed record AuditEntry(
    DateTimeOffset At,
    string TenantId,
    string Actor,
    string Action,
    string ResourceType,
    string ResourceId,
    IReadOnlyDictionary<string, string>? Details);
