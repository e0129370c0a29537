using PhoneNumbers;

namespace Herald.Core.Phones;

/// <summary>
/// Normalises phone numbers to E.164 (R7) with libphonenumber: a number is kept only when it is valid for its region.
/// A number without <c>+</c> is read in the default region first (<c>8 999 123-45-67</c> with <c>RU</c>), then as
/// international digits (<c>44 7400 123456</c>, <c>0049 170 1234567</c>). Extensions are dropped.
/// </summary>
public sealed class PhoneNormalizer
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private readonly string? _region;

    /// <summary>Creates a normaliser; throws <see cref="ArgumentException"/> when <see cref="PhoneNormalizerOptions.Validate"/> finds problems.</summary>
    public PhoneNormalizer(PhoneNormalizerOptions? options = null)
    {
        options ??= new PhoneNormalizerOptions();
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        _region = options.Region;
    }

    /// <summary>The region numbers without a country code are read in, or null when none is set.</summary>
    public string? DefaultRegion => _region;

    /// <summary>True when <paramref name="region"/> is a region libphonenumber knows (<c>RU</c>, <c>de</c>), not <c>XX</c> or <c>001</c>.</summary>
    public static bool IsKnownRegion(string? region) =>
        region is { Length: 2 } && Util.GetSupportedRegions().Contains(region.ToUpperInvariant());

    /// <summary>The region of an E.164 number (<c>RU</c> for <c>+79161234567</c>, <c>KZ</c> for <c>+77011234567</c>), or null.</summary>
    public static string? RegionOf(string? e164) =>
        e164 is { Length: > 1 } && e164[0] == '+' && TryParse(e164, null) is { } number && Util.GetRegionCodeForNumber(number) is { Length: 2 } region
            ? region
            : null;

    /// <summary>Normalises one number.</summary>
    public PhoneResult Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return PhoneResult.Fail("The phone number is empty.");
        }

        var text = raw.Trim();
        var number = Valid(TryParse(text, _region));
        if (number is null && char.IsAsciiDigit(text[0]))
        {
            // Digits without '+' may already be international: a British "44 7400 123456" in a Russian list.
            number = Valid(TryParse("+" + (text.StartsWith("00", StringComparison.Ordinal) ? text[2..] : text), null));
        }

        if (number is not null)
        {
            return new PhoneResult(Util.Format(number, PhoneNumberFormat.E164), Util.GetRegionCodeForNumber(number), null);
        }

        return text[0] != '+' && _region is null
            ? PhoneResult.Fail("The phone number has no country code and no default region is set (Herald:Phones:DefaultRegion, or region= on the upload).")
            : PhoneResult.Fail("The phone number is not a valid number of any country (libphonenumber's rules for its region).");
    }

    private static PhoneNumber? Valid(PhoneNumber? number) =>
        number is not null && Util.IsValidNumber(number) ? number : null;

    private static PhoneNumber? TryParse(string text, string? region)
    {
        try
        {
            return Util.Parse(text, region);
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
