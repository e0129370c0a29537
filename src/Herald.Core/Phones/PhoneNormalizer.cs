using System.Text;

namespace Herald.Core.Phones;

/// <summary>
/// Normalises phone numbers to E.164 (R7): drops spaces, dashes, dots, slashes and brackets and an extension
/// (<c>ext</c>, <c>x</c>, <c>#</c>); reads <c>+</c> and <c>00</c> as international; a national number loses its trunk
/// prefix and gets the default country code; a number that already starts with the default country code is kept.
/// The result has 8 to 15 digits and no leading zero.
/// </summary>
public sealed class PhoneNormalizer
{
    private const int MinDigits = 8;
    private const int MaxDigits = 15;
    private readonly string? _countryCode;
    private readonly string _trunk;

    /// <summary>Creates a normaliser; throws <see cref="ArgumentException"/> when the country code or prefix is not digits.</summary>
    public PhoneNormalizer(PhoneNormalizerOptions? options = null)
    {
        options ??= new PhoneNormalizerOptions();
        _countryCode = string.IsNullOrWhiteSpace(options.DefaultCountryCode) ? null : options.DefaultCountryCode.Trim().TrimStart('+');
        _trunk = options.TrunkPrefix ?? string.Empty;
        if (_countryCode is not null && (_countryCode.Length is < 1 or > 3 || !_countryCode.All(char.IsAsciiDigit) || _countryCode[0] == '0'))
        {
            throw new ArgumentException($"Herald:Phones:DefaultCountryCode '{options.DefaultCountryCode}' must be 1 to 3 digits, not starting with 0.", nameof(options));
        }

        if (!_trunk.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("Herald:Phones:TrunkPrefix must be digits.", nameof(options));
        }
    }

    /// <summary>Normalises one number.</summary>
    public PhoneResult Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return new PhoneResult(null, "The phone number is empty.");
        }

        var text = StripExtension(raw.Trim());
        var digits = new StringBuilder(text.Length);
        var international = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c == '+' && digits.Length == 0 && !international)
            {
                international = true;
            }
            else if (c is ' ' or '-' or '.' or '(' or ')' or '/' or '\u00A0' or '\t')
            {
                continue;
            }
            else
            {
                return new PhoneResult(null, $"The phone number holds an unexpected character '{c}'.");
            }
        }

        var number = digits.ToString();
        if (!international && number.StartsWith("00", StringComparison.Ordinal))
        {
            international = true;
            number = number[2..];
        }

        if (!international)
        {
            if (_countryCode is null)
            {
                return new PhoneResult(null, "The phone number has no country code and no default country code is configured.");
            }

            if (_trunk.Length > 0 && number.StartsWith(_trunk, StringComparison.Ordinal))
            {
                number = _countryCode + number[_trunk.Length..];
            }
            else if (!number.StartsWith(_countryCode, StringComparison.Ordinal))
            {
                number = _countryCode + number;
            }
        }

        if (number.Length is < MinDigits or > MaxDigits)
        {
            return new PhoneResult(null, $"The phone number has {number.Length} digits; E.164 allows {MinDigits} to {MaxDigits} with the country code.");
        }

        return number[0] == '0'
            ? new PhoneResult(null, "A country code cannot start with 0.")
            : new PhoneResult("+" + number, null);
    }

    private static string StripExtension(string text)
    {
        foreach (var marker in new[] { "ext.", "ext", "доб.", "доб", "x", "#" })
        {
            var at = text.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (at > 0)
            {
                return text[..at];
            }
        }

        return text;
    }
}
