using System.Text.RegularExpressions;
using Herald.Host.Secrets;

namespace Herald.Host.Audit;

/// <summary>
/// Cleans audit details before they are kept: at most <see cref="MaxEntries"/> entries (by key order), keys up to
/// <see cref="MaxKeyLength"/> and values up to <see cref="MaxValueLength"/> characters; a value under a key that names
/// something sensitive (token, secret, password, phone, session, body, text, message, …) is replaced by
/// <see cref="Redacted"/>, and one that looks like a bot token, a JWT or a phone number is masked wherever it is.
/// A safety net, not a licence: pass ids, counts and states.
/// </summary>
public static partial class AuditDetails
{
    /// <summary>The most entries kept.</summary>
    public const int MaxEntries = 32;

    /// <summary>The longest key kept (longer keys are cut).</summary>
    public const int MaxKeyLength = 64;

    /// <summary>The longest value kept (longer values are cut and end in <c>…</c>).</summary>
    public const int MaxValueLength = 256;

    /// <summary>What replaces a value that must not be kept.</summary>
    public const string Redacted = "(redacted)";

    private static readonly string[] SensitiveKeyParts =
    [
        "token", "secret", "password", "passwd", "apikey", "api_key", "accountkey", "privatekey", "credential",
        "authorization", "cookie", "session", "phone", "email", "body", "text", "message", "hash",
    ];

    /// <summary>The cleaned copy of <paramref name="details"/>; null or empty stays null.</summary>
    public static IReadOnlyDictionary<string, string>? Clean(IReadOnlyDictionary<string, string>? details)
    {
        if (details is null || details.Count == 0)
        {
            return null;
        }

        var cleaned = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in details.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            if (cleaned.Count == MaxEntries)
            {
                break;
            }

            var shortKey = key.Length > MaxKeyLength ? key[..MaxKeyLength] : key;
            cleaned.TryAdd(shortKey, CleanValue(key, value ?? ""));
        }

        return cleaned;
    }

    private static string CleanValue(string key, string value)
    {
        if (SensitiveKeyParts.Any(part => key.Contains(part, StringComparison.OrdinalIgnoreCase)))
        {
            return Redacted;
        }

        if (BotToken().IsMatch(value) || Jwt().IsMatch(value))
        {
            return SecretMasker.Mask(value);
        }

        if (Phone().IsMatch(value))
        {
            return Redacted;
        }

        return value.Length > MaxValueLength ? string.Concat(value.AsSpan(0, MaxValueLength - 1), "…") : value;
    }

    [GeneratedRegex(@"\d{5,}:[A-Za-z0-9_-]{30,}")]
    private static partial Regex BotToken();

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+")]
    private static partial Regex Jwt();

    [GeneratedRegex(@"^\s*\+?\d[\d\s().-]{6,}\d\s*$")]
    private static partial Regex Phone();
}
