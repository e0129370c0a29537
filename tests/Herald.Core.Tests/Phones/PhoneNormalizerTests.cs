using Herald.Core.Phones;

namespace Herald.Core.Tests.Phones;

public sealed class PhoneNormalizerTests
{
    [Theory(Timeout = 10_000)]
    [InlineData(null, "0", "+49 (170) 123-4567", "+491701234567")]
    [InlineData(null, "0", "0049 170 1234567", "+491701234567")]
    [InlineData("49", "0", "0170 1234567", "+491701234567")]
    [InlineData("49", "0", "170/1234567", "+491701234567")]
    [InlineData("7", "8", "8 (916) 123-45-67", "+79161234567")]
    [InlineData("7", "8", "79161234567", "+79161234567")]
    [InlineData("7", "8", "916 123 45 67", "+79161234567")]
    [InlineData("+1", "1", "+1 415 555 2671 ext. 12", "+14155552671")]
    [InlineData("1", "1", "(415) 555-2671 x3", "+14155552671")]
    public Task Normalize_Valid_E164(string? country, string trunk, string raw, string expected) => Bounded.Run(() =>
    {
        var normalizer = new PhoneNormalizer(new PhoneNormalizerOptions { DefaultCountryCode = country, TrunkPrefix = trunk });

        Assert.Equal(new PhoneResult(expected, null), normalizer.Normalize(raw));
    });

    [Theory(Timeout = 10_000)]
    [InlineData(null, "0170 1234567", "no country code")]
    [InlineData("49", "", "empty")]
    [InlineData("49", "call me", "unexpected character")]
    [InlineData("49", "+12345", "digits")]
    [InlineData("49", "+1234567890123456", "digits")]
    [InlineData("49", "+0123456789", "cannot start with 0")]
    [InlineData("49", "+49 170 +123", "unexpected character")]
    public Task Normalize_Invalid_ClearError(string? country, string raw, string message) => Bounded.Run(() =>
    {
        var result = new PhoneNormalizer(new PhoneNormalizerOptions { DefaultCountryCode = country }).Normalize(raw);

        Assert.False(result.Success);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    });

    [Fact(Timeout = 10_000)]
    public Task Constructor_BadCountryCode_Throws() => Bounded.Run(() =>
        Assert.Throws<ArgumentException>(() => new PhoneNormalizer(new PhoneNormalizerOptions { DefaultCountryCode = "0049" })));
}
