using System.Globalization;
using PhoneNumbers;

namespace Herald.Core.Phones;

/// <summary>How phone numbers written without a country code are read (R7), bound from <c>Herald:Phones</c>.</summary>
public sealed class PhoneNormalizerOptions
{
    /// <summary>The configuration section the host binds.</summary>
    public const string SectionName = "Herald:Phones";

    /// <summary>
    /// The ISO 3166-1 alpha-2 region (<c>RU</c>, <c>DE</c>, <c>GB</c>) whose national format is assumed for numbers
    /// written without <c>+</c> and a country code, such as <c>8 999 123-45-67</c> with <c>RU</c> [none: such numbers
    /// are dropped as <c>invalid_phone</c> unless their digits are a valid international number].
    /// </summary>
    public string? DefaultRegion { get; set; }

    /// <summary>
    /// The former setting: digits of a country calling code (<c>7</c>, <c>49</c>), read as that code's main region
    /// (<c>7</c> is <c>RU</c>, <c>1</c> is <c>US</c>, <c>44</c> is <c>GB</c>); ignored when <see cref="DefaultRegion"/>
    /// is set [none].
    /// </summary>
    public string? DefaultCountryCode { get; set; }

    /// <summary>The problems of these options (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        if (!string.IsNullOrWhiteSpace(DefaultRegion))
        {
            return PhoneNormalizer.IsKnownRegion(DefaultRegion)
                ? []
                : ["Herald:Phones:DefaultRegion must be an ISO 3166-1 alpha-2 region of phone numbers, such as RU, DE or GB."];
        }

        return string.IsNullOrWhiteSpace(DefaultCountryCode) || RegionOfCallingCode(DefaultCountryCode) is not null
            ? []
            : ["Herald:Phones:DefaultCountryCode must be the digits of a country calling code, such as 7 or 49; prefer Herald:Phones:DefaultRegion."];
    }

    /// <summary>The region numbers without a country code are read in, or null.</summary>
    internal string? Region =>
        !string.IsNullOrWhiteSpace(DefaultRegion) ? DefaultRegion.Trim().ToUpperInvariant()
        : string.IsNullOrWhiteSpace(DefaultCountryCode) ? null
        : RegionOfCallingCode(DefaultCountryCode);

    private static string? RegionOfCallingCode(string code)
    {
        var digits = code.Trim().TrimStart('+');
        if (digits.Length is < 1 or > 3 || !digits.All(char.IsAsciiDigit) || digits[0] == '0')
        {
            return null;
        }

        var region = PhoneNumberUtil.GetInstance().GetRegionCodeForCountryCode(int.Parse(digits, CultureInfo.InvariantCulture));
        return PhoneNormalizer.IsKnownRegion(region) ? region : null;
    }
}
