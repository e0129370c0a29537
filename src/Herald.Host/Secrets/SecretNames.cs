using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Herald.Host.Secrets;

/// <summary>
/// Maps (tenant, name) to a secret name Key Vault accepts (<c>^[0-9a-zA-Z-]{1,127}$</c>): readable parts sanitized and
/// trimmed, plus a hash of the exact pair so different pairs never share a name (<c>a-b</c>/<c>c</c> vs <c>a</c>/<c>b-c</c>).
/// The name is also the reference callers keep, and the local store's file name.
/// </summary>
public static partial class SecretNames
{
    /// <summary>Key Vault's longest secret name.</summary>
    public const int MaxLength = 127;

    private const int TenantPartLength = 40;
    private const int NamePartLength = 60;

    /// <summary>The secret name (and reference) for <paramref name="name"/> of <paramref name="tenantId"/>; the same pair always maps to the same name.</summary>
    public static string For(string tenantId, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{tenantId}\n{name}"));
        return $"{Sanitize(tenantId, TenantPartLength)}--{Sanitize(name, NamePartLength)}--{Convert.ToHexStringLower(hash.AsSpan(0, 8))}";
    }

    /// <summary>True when <paramref name="reference"/> has the shape of a secret name (so it is safe as a file name too).</summary>
    public static bool IsValidReference(string? reference) =>
        reference is { Length: > 0 and <= MaxLength } && AllowedName().IsMatch(reference);

    private static string Sanitize(string value, int maxLength)
    {
        var cleaned = Disallowed().Replace(value, "-").Trim('-');
        if (cleaned.Length > maxLength)
        {
            cleaned = cleaned[..maxLength].TrimEnd('-');
        }

        return cleaned.Length == 0 ? "x" : cleaned;
    }

    [GeneratedRegex("[^0-9a-zA-Z]+")]
    private static partial Regex Disallowed();

    [GeneratedRegex("^[0-9a-zA-Z-]+$")]
    private static partial Regex AllowedName();
}
