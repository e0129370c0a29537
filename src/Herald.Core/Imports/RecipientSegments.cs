using Herald.Core.Domain;

namespace Herald.Core.Imports;

/// <summary>
/// Segmentation by phone country (R9). Country calling codes are prefix-free (ITU-T E.164): <c>1</c> and <c>7</c> are the
/// one-digit codes, the two-digit ones are listed below, every other code has three digits — so the code of any E.164
/// number is found without a table of all countries.
/// </summary>
public static class RecipientSegments
{
    /// <summary>The <see cref="SegmentCount.Prefix"/> of recipients without a phone.</summary>
    public const string NoPhone = "none";

    private static readonly HashSet<string> TwoDigitCodes =
    [
        "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47", "48", "49",
        "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65", "66",
        "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98",
    ];

    /// <summary>The country calling code of an E.164 number with <c>+</c> (<c>+7</c> for <c>+79161234567</c>), or null when it is not one.</summary>
    public static string? CountryCallingCode(string? e164)
    {
        if (e164 is not { Length: > 4 } || e164[0] != '+' || !e164.Skip(1).All(char.IsAsciiDigit) || e164[1] == '0')
        {
            return null;
        }

        var length = e164[1] is '1' or '7' ? 1 : TwoDigitCodes.Contains(e164.Substring(1, 2)) ? 2 : 3;
        return e164[..(1 + length)];
    }

    /// <summary>Recipient counts per country calling code (and <see cref="NoPhone"/>), largest first.</summary>
    public static IReadOnlyList<SegmentCount> ByCountryPrefix(IEnumerable<Recipient> recipients)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        return [.. recipients
            .GroupBy(r => CountryCallingCode(r.Phone) ?? NoPhone, StringComparer.Ordinal)
            .Select(g => new SegmentCount(g.Key, g.Count()))
            .OrderByDescending(s => s.Count)
            .ThenBy(s => s.Prefix, StringComparer.Ordinal)];
    }

    /// <summary>True when <paramref name="e164"/> starts with one of <paramref name="prefixes"/> (<c>+7</c>, <c>49</c>, <c>+7916</c>).</summary>
    public static bool Matches(string? e164, IEnumerable<string> prefixes)
    {
        ArgumentNullException.ThrowIfNull(prefixes);
        return e164 is not null && prefixes.Select(NormalizePrefix).Any(p => p is not null && e164.StartsWith(p, StringComparison.Ordinal));
    }

    /// <summary><c>+</c> and the digits of a prefix written <c>+7</c>, <c>7</c> or <c>+49 </c>; null when it is not 1 to 15 digits.</summary>
    public static string? NormalizePrefix(string? prefix)
    {
        var digits = prefix?.Trim().TrimStart('+');
        return digits is { Length: >= 1 and <= 15 } && digits.All(char.IsAsciiDigit) && digits[0] != '0' ? "+" + digits : null;
    }
}
