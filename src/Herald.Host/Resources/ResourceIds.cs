using System.Security.Cryptography;
using Herald.Host.Tenancy;

namespace Herald.Host.Resources;

/// <summary>
/// The shape of the ids the API hands out and takes in routes (campaigns, accounts, imports, messages): the same as a
/// tenant id's (<see cref="TenantIds"/>: 1 to 64 ASCII letters, digits, <c>-</c>, <c>_</c> and <c>.</c>, starting with a
/// letter or digit), so safe as a table key and in a URL. A route id of another shape is simply not found (404), like
/// another tenant's id.
/// </summary>
public static class ResourceIds
{
    /// <summary>True when <paramref name="id"/> has the shape of an id.</summary>
    public static bool IsValid(string? id) => TenantIds.IsValid(id);

    /// <summary>A new random id: 32 lowercase hex digits.</summary>
    public static string New() => RandomNumberGenerator.GetHexString(32, lowercase: true);
}
