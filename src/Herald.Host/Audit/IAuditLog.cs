namespace Herald.Host.Audit;

/// <summary>
/// The audit trail of user actions (create, pause, resume, cancel, …; R31), per tenant, newest first. The host uses the
/// table-backed log when storage is configured and the in-memory one otherwise. Details are cleaned on record (see
/// <see cref="AuditDetails"/>), but callers must still pass only ids, counts and states: no secrets, phone numbers or
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

    /// <summary>
    /// Up to <paramref name="limit"/> (1 to <see cref="AuditPage.MaxLimit"/>) entries of <paramref name="tenantId"/>, newest
    /// first, after <paramref name="continuation"/> (the previous page's <see cref="AuditPage.Continuation"/>; null for the first).
    /// </summary>
    /// <exception cref="ArgumentException">The limit is out of range or the continuation is not one this log gave out.</exception>
    Task<AuditPage> ListAsync(string tenantId, int limit = AuditPage.DefaultLimit, string? continuation = null, CancellationToken cancellationToken = default);
}

/// <summary>One audit record.</summary>
/// <param name="Id">The entry's id, which orders entries newest first (<see cref="AuditKeys"/>).</param>
/// <param name="At">When (from the injected clock).</param>
/// <param name="TenantId">The tenant.</param>
/// <param name="Actor">Who acted (token subject or <c>api-key:{name}</c>).</param>
/// <param name="Action">What was done, e.g. <c>campaign.pause</c>.</param>
/// <param name="ResourceType">The kind of resource, e.g. <c>campaign</c>.</param>
/// <param name="ResourceId">The resource's id.</param>
/// <param name="Details">Extra non-sensitive facts.</param>
public sealed record AuditEntry(
    string Id,
    DateTimeOffset At,
    string TenantId,
    string Actor,
    string Action,
    string ResourceType,
    string ResourceId,
    IReadOnlyDictionary<string, string>? Details);

/// <summary>A page of audit entries, newest first.</summary>
/// <param name="Entries">The entries.</param>
/// <param name="Continuation">Pass it back for the next page; null when there are no more entries.</param>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, string? Continuation)
{
    /// <summary>The page size when none is asked for.</summary>
    public const int DefaultLimit = 50;

    /// <summary>The largest page.</summary>
    public const int MaxLimit = 1000;
}
