using System.Buffers;
using System.Security.Cryptography;

namespace Herald.Host.Resources;

/// <summary>
/// The shape of the ids the API hands out and takes in routes (campaigns, accounts, imports, messages): 1 to 64 ASCII
/// letters, digits, <c>-</c>, <c>_</c> and <c>.</c>, starting with a letter or digit — safe as a table key and in a URL.
/// A route id of another shape is simply not found (404), like another tenant's id.
/// </summary>
public static class ResourceIds
{
    /// <summary>The longest id accepted.</summary>
    public const int MaxLength = 64;

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.");

    /// <summary>True when <paramref name="id"/> has the shape of an id.</summary>
    public static bool IsValid(string? id) =>
        !string.IsNullOrEmpty(id)
        && id.Length <= MaxLength
        && char.IsAsciiLetterOrDigit(id[0])
        && !id.AsSpan().ContainsAnyExcept(Allowed);

    /// <summary>A new random id (32 lowercase hex digits), optionally after <paramref name="prefix"/>.</summary>
    public static string New(string prefix = "") => prefix + RandomNumberGenerator.GetHexString(32, lowercase: true);
}
