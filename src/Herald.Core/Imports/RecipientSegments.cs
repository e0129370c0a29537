using System.Globalization;
using Herald.Core.Domain;
using Herald.Core.Phones;
using PhoneNumbers;

namespace Herald.Core.Imports;

/// <summary>
/// Segmentation by phone country (R9), by libphonenumber's metadata: the country calling code of an E.164 number
/// (<c>+7</c> is shared by Russia and Kazakhstan) and its region (<c>RU</c>, <c>KZ</c>).
/// </summary>
public static class RecipientSegments
{
    /// <summary>The <see cref="SegmentCount.Prefix"/> and <see cref="RegionCount.Region"/> of recipients without a phone.</summary>
    public const string NoPhone = "none";

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The country calling code of an E.164 number with <c>+</c> (<c>+7</c> for <c>+79161234567</c>), or null when it is not one.</summary>
    public static string? CountryCallingCode(string? e164)
    {
        if (e164 is not { Length: > 4 } || e164[0] != '+' || !e164.Skip(1).All(char.IsAsciiDigit))
        {
            return null;
        }

        try
        {
            return "+" + Util.Parse(e164, null).CountryCode.ToString(CultureInfo.InvariantCulture);
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>Recipient counts per phone region (<c>RU</c>, <c>KZ</c>, <c>GB</c>; <see cref="NoPhone"/> without a phone), largest first.</summary>
    public static IReadOnlyList<RegionCount> ByCountry(IEnumerable<Recipient> recipients)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        return [.. recipients
            .GroupBy(r => PhoneNormalizer.RegionOf(r.Phone) ?? NoPhone, StringComparer.Ordinal)
            .Select(g => new RegionCount(g.Key, g.Count()))
            .OrderByDescending(s => s.Count)
            .ThenBy(s => s.Region, StringComparer.Ordinal)];
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
