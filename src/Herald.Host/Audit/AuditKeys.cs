using System.Globalization;
using System.Security.Cryptography;
using Herald.Host.Tenancy;

namespace Herald.Host.Audit;

/// <summary>
/// Audit entry ids, which are also the table's row keys: <c>{DateTimeOffset.MaxValue ticks − ticks, 19 digits}-{8 random
/// hex digits}</c>. They sort newest first as strings; the suffix keeps entries of the same tick apart.
/// </summary>
public static class AuditKeys
{
    /// <summary>The length of every id.</summary>
    public const int Length = TicksDigits + 1 + SuffixLength;

    private const int TicksDigits = 19;
    private const int SuffixLength = 8;

    /// <summary>A new id for an entry recorded at <paramref name="at"/>.</summary>
    public static string NewId(DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks:D19}-{RandomNumberGenerator.GetHexString(SuffixLength, lowercase: true)}");

    /// <summary>True when <paramref name="id"/> has the shape of an id (so it is safe as a query bound and a continuation).</summary>
    public static bool IsValid(string? id) =>
        id is { Length: Length }
        && !id.AsSpan(0, TicksDigits).ContainsAnyExceptInRange('0', '9')
        && id[TicksDigits] == '-'
        && id.AsSpan(TicksDigits + 1).IndexOfAnyExcept("0123456789abcdef") < 0;

    /// <summary>Throws for arguments <see cref="IAuditLog.ListAsync"/> refuses.</summary>
    internal static void CheckQuery(string tenantId, int limit, string? continuation)
    {
        CheckTenant(tenantId);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, AuditPage.MaxLimit);
        if (continuation is not null && !IsValid(continuation))
        {
            throw new ArgumentException("The continuation is not one the audit log gave out.", nameof(continuation));
        }
    }

    /// <summary>A new entry stamped now, its details cleaned; throws for a malformed tenant id.</summary>
    internal static AuditEntry NewEntry(
        TimeProvider timeProvider,
        string tenantId,
        string actor,
        string action,
        string resourceType,
        string resourceId,
        IReadOnlyDictionary<string, string>? details)
    {
        CheckTenant(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(actor);
        ArgumentException.ThrowIfNullOrEmpty(action);
        ArgumentException.ThrowIfNullOrEmpty(resourceType);
        ArgumentNullException.ThrowIfNull(resourceId);
        var at = timeProvider.GetUtcNow();
        return new AuditEntry(NewId(at), at, tenantId, actor, action, resourceType, resourceId, AuditDetails.Clean(details));
    }

    private static void CheckTenant(string tenantId)
    {
        if (!TenantIds.IsValid(tenantId))
        {
            throw new ArgumentException("The tenant id is not well formed.", nameof(tenantId));
        }
    }
}
