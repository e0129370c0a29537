using System.Buffers;

namespace Herald.Host.Tenancy;

/// <summary>
/// The shape of a tenant id: 1 to 64 of ASCII letters, digits, <c>-</c>, <c>_</c> and <c>.</c>, starting with a letter
/// or digit — safe as (part of) a table partition or row key, a file name, a command-line value and a log value.
/// </summary>
public static class TenantIds
{
    /// <summary>The longest tenant id accepted.</summary>
    public const int MaxLength = 64;

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.");

    /// <summary>True when <paramref name="value"/> is a well-formed tenant id.</summary>
    public static bool IsValid(string? value) =>
        !string.IsNullOrEmpty(value)
        && value.Length <= MaxLength
        && char.IsAsciiLetterOrDigit(value[0])
        && !value.AsSpan().ContainsAnyExcept(Allowed);
}
