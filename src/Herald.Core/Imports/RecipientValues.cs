using System.Globalization;
using System.Net.Mail;
using System.Text;

namespace Herald.Core.Imports;

/// <summary>Cleans and reads single values: usernames (and <c>t.me</c> links), user ids and the shape of a value.</summary>
internal static class RecipientValues
{
    private const int MinUsername = 5;
    private const int MaxUsername = 32;

    private static readonly string[] LinkHosts = ["t.me/", "telegram.me/", "telegram.dog/"];

    // First path segments of t.me links that are not usernames (invite, sticker, proxy… links).
    private static readonly HashSet<string> ReservedLinkPaths = new(StringComparer.OrdinalIgnoreCase)
    {
        "joinchat", "addlist", "addstickers", "addemoji", "addtheme", "share", "proxy", "socks", "login",
        "setlanguage", "invoice", "boost", "confirmphone", "contact", "iv", "bg", "c", "s", "m",
    };

    /// <summary>
    /// Drops the formula guard a spreadsheet-safe export puts before <c>= + - @</c>, a tab or a carriage return (Herald's
    /// own <c>report.csv</c> writes <c>'+4915…</c>), then control, bidi and zero-width characters; folds whitespace runs
    /// into one space and trims; null when nothing is left.
    /// </summary>
    public static string? Clean(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        raw = raw.TrimStart();
        if (raw.Length > 1 && raw[0] == '\'' && raw[1] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            raw = raw[1..];
        }

        var sb = new StringBuilder(raw.Length);
        var space = false;
        foreach (var c in raw)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (IsInvisible(c))
            {
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        // An unchanged value keeps its string, so a kept recipient shares it with the row read instead of holding a copy.
        return sb.Length == 0 ? null : sb.Equals(raw.AsSpan()) ? raw : sb.ToString();
    }

    /// <summary>The username in <paramref name="value"/> (<c>@name</c>, <c>name</c>, <c>https://t.me/name</c>), or null when it is not a valid one.</summary>
    public static string? Username(string value)
    {
        var name = TryLinkTarget(value, out var target) ? target
            : value.StartsWith('@') ? value[1..]
            : value;
        return IsUsernameShape(name) ? name : null;
    }

    /// <summary>
    /// The e-mail address in <paramref name="value"/> when it is one (<c>local@domain.tld</c>: no display name, no
    /// spaces, a dotted domain, at most 254 characters), or null.
    /// </summary>
    public static string? Email(string value)
    {
        var at = value.LastIndexOf('@');
        return at > 0 && at < value.Length - 1 && value.Length <= 254 && !value.Any(char.IsWhiteSpace)
            && value.AsSpan(at + 1) is var domain && domain.Contains('.') && domain[0] != '.' && domain[^1] != '.'
            && MailAddress.TryCreate(value, out var parsed) && string.Equals(parsed.Address, value, StringComparison.Ordinal)
            ? value
            : null;
    }

    /// <summary>A positive 64-bit user id written as digits, or null.</summary>
    public static long? UserId(string value) =>
        value.Length > 0 && value.All(char.IsAsciiDigit)
        && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : null;

    /// <summary>Telegram's username rule: 5 to 32 ASCII letters, digits or <c>_</c>, starting with a letter, not ending with <c>_</c>.</summary>
    public static bool IsUsernameShape(string value) =>
        value.Length is >= MinUsername and <= MaxUsername
        && char.IsAsciiLetter(value[0])
        && value[^1] != '_'
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>True for a <c>t.me</c>, <c>telegram.me</c> or <c>tg://resolve</c> link; the target is empty when it names no user.</summary>
    public static bool TryLinkTarget(string value, out string target)
    {
        target = string.Empty;
        var s = value;
        if (s.StartsWith("tg://resolve?", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var pair in s["tg://resolve?".Length..].Split('&'))
            {
                if (pair.StartsWith("domain=", StringComparison.OrdinalIgnoreCase))
                {
                    target = pair["domain=".Length..];
                }
            }

            return true;
        }

        foreach (var scheme in new[] { "https://", "http://" })
        {
            if (s.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                s = s[scheme.Length..];
                break;
            }
        }

        if (s.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            s = s[4..];
        }

        foreach (var host in LinkHosts)
        {
            if (s.StartsWith(host, StringComparison.OrdinalIgnoreCase))
            {
                var path = s[host.Length..];
                var end = path.IndexOfAny(['/', '?', '#']);
                var segment = end < 0 ? path : path[..end];
                target = ReservedLinkPaths.Contains(segment) || segment.StartsWith('+') ? string.Empty : segment;
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Digits with phone punctuation only (an optional leading <c>+</c>, spaces, <c>-</c>, <c>.</c>, brackets);
    /// <paramref name="digitsOnly"/> tells whether it is bare digits. <paramref name="digits"/> counts them.
    /// </summary>
    public static bool IsPhoneLike(string value, out bool digitsOnly, out int digits)
    {
        digitsOnly = true;
        digits = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if ((c == '+' && i == 0) || c is ' ' or '-' or '.' or '(' or ')')
            {
                digitsOnly = false;
            }
            else
            {
                return false;
            }
        }

        return digits > 0;
    }

    /// <summary>The broad shape of a value, used to detect headers and column roles.</summary>
    public static ValueShape ShapeOf(string? raw)
    {
        var value = Clean(raw);
        if (value is null)
        {
            return ValueShape.Empty;
        }

        if ((value.StartsWith('@') && value.Length > 1) || TryLinkTarget(value, out _))
        {
            return ValueShape.Identifier;
        }

        if (IsPhoneLike(value, out _, out var digits) && digits >= MinUsername)
        {
            return ValueShape.Identifier;
        }

        if (Email(value) is not null)
        {
            return ValueShape.Identifier;
        }

        if (IsUsernameShape(value))
        {
            return ValueShape.Word;
        }

        return value.Any(char.IsLetter) ? ValueShape.Text : ValueShape.Other;
    }

    private static bool IsInvisible(char c) =>
        c is '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u2060' or '\uFEFF'
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069');
}
