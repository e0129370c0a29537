using Herald.Core.Phones;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Herald.Core.Tests.Phones;

public sealed class PhoneNormalizerTests
{
    [Theory(Timeout = 10_000)]
    [InlineData(null, "+49 (170) 123-4567", "+491701234567", "DE")]
    [InlineData(null, "0049 170 1234567", "+491701234567", "DE")]
    [InlineData(null, "44 7400 123456", "+447400123456", "GB")]
    [InlineData("DE", "0170 1234567", "+491701234567", "DE")]
    [InlineData("RU", "8 (916) 123-45-67", "+79161234567", "RU")]
    [InlineData("ru", "79161234567", "+79161234567", "RU")]
    [InlineData("RU", "916 123 45 67", "+79161234567", "RU")]
    [InlineData("RU", "+7 701 123 45 67", "+77011234567", "KZ")]
    [InlineData("RU", "44 7400 123456", "+447400123456", "GB")]
    [InlineData("RU", "0049 170 1234567", "+491701234567", "DE")]
    [InlineData("US", "+1 415 555 2671 ext. 12", "+14155552671", "US")]
    [InlineData("US", "(415) 555-2671 x3", "+14155552671", "US")]
    public Task Normalize_Valid_E164AndRegion(string? region, string raw, string expected, string expectedRegion) => Bounded.Run(() =>
    {
        var normalizer = new PhoneNormalizer(new PhoneNormalizerOptions { DefaultRegion = region });

        Assert.Equal(new PhoneResult(expected, expectedRegion, null), normalizer.Normalize(raw));
    });

    [Theory(Timeout = 10_000)]
    [InlineData(null, "8 999 123-45-67", "no default region is set")]
    [InlineData("DE", "", "empty")]
    [InlineData("DE", "call me", "not a valid number")]
    [InlineData("DE", "+12345", "not a valid number")]
    [InlineData("RU", "+7 000 000-00-00", "not a valid number")]
    [InlineData("RU", "+44 7700 900123", "not a valid number")]
    public Task Normalize_Invalid_ClearErrorWithoutTheNumber(string? region, string raw, string message) => Bounded.Run(() =>
    {
        var result = new PhoneNormalizer(new PhoneNormalizerOptions { DefaultRegion = region }).Normalize(raw);

        Assert.False(result.Success);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("123", result.Error, StringComparison.Ordinal);
    });

    [Theory(Timeout = 10_000)]
    [InlineData("7", "8 999 123-45-67", "+79991234567")]
    [InlineData("+49", "0151 1234 5678", "+4915112345678")]
    [InlineData("44", "07400 123456", "+447400123456")]
    public Task Normalize_FormerDefaultCountryCode_ReadAsItsMainRegion(string code, string raw, string expected) => Bounded.Run(() =>
        Assert.Equal(expected, new PhoneNormalizer(new PhoneNormalizerOptions { DefaultCountryCode = code }).Normalize(raw).E164));

    [Theory(Timeout = 10_000)]
    [InlineData("XX", null)]
    [InlineData("Russia", null)]
    [InlineData(null, "0049")]
    [InlineData(null, "999")]
    public Task Constructor_UnknownRegionOrCode_Throws(string? region, string? code) => Bounded.Run(() =>
        Assert.Throws<ArgumentException>(() => new PhoneNormalizer(new PhoneNormalizerOptions { DefaultRegion = region, DefaultCountryCode = code })));

    [Fact(Timeout = 10_000)]
    public Task AddHeraldCore_UnknownDefaultRegion_FailsWhenOptionsAreRead() => Bounded.Run(() =>
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Herald:Phones:DefaultRegion"] = "XX" })
            .Build();
        using var provider = new ServiceCollection().AddHeraldCore(configuration).BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<PhoneNormalizer>());
    });
}
