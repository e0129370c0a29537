using Herald.Core.Imports;

namespace Herald.Core.Tests.Imports;

public sealed class RecipientSegmentsTests
{
    [Theory]
    [InlineData("+79161234567", "+7")]
    [InlineData("+12025550123", "+1")]
    [InlineData("+4915112345678", "+49")]
    [InlineData("+380501234567", "+380")]
    [InlineData("+861012345678", "+86")]
    [InlineData("+35312345678", "+353")]
    [InlineData("79161234567", null)]
    [InlineData("+0123456789", null)]
    [InlineData(null, null)]
    public void CountryCallingCode_E164_ReturnsItsCode(string? e164, string? expected) =>
        Assert.Equal(expected, RecipientSegments.CountryCallingCode(e164));

    [Fact]
    public void ByCountryPrefix_Recipients_CountsPerCodeLargestFirst()
    {
        Recipient[] recipients =
        [
            new(Phone: "+79161234567"), new(Phone: "+77011234567"), new(Phone: "+4915112345678"), new(Phone: "+380501234567"),
            new(Username: "alice_b"), new(Phone: "+12025550123"),
        ];

        var counts = RecipientSegments.ByCountryPrefix(recipients);

        Assert.Equal(
            [new SegmentCount("+7", 2), new SegmentCount("+1", 1), new SegmentCount("+380", 1), new SegmentCount("+49", 1), new SegmentCount(RecipientSegments.NoPhone, 1)],
            counts);
    }

    [Fact]
    public void ByCountry_Recipients_CountsPerRegionLargestFirst()
    {
        Recipient[] recipients =
        [
            new(Phone: "+79161234567"), new(Phone: "+79991234567"), new(Phone: "+77011234567"), new(Phone: "+447400123456"),
            new(Username: "alice_b"),
        ];

        Assert.Equal(
            [new RegionCount("RU", 2), new RegionCount("GB", 1), new RegionCount("KZ", 1), new RegionCount(RecipientSegments.NoPhone, 1)],
            RecipientSegments.ByCountry(recipients));
    }

    [Theory]
    [InlineData("+79161234567", "+7", true)]
    [InlineData("+79161234567", "7916", true)]
    [InlineData("+79161234567", "+49", false)]
    [InlineData(null, "+7", false)]
    public void Matches_Prefix_ComparesNormalizedPrefix(string? e164, string prefix, bool expected) =>
        Assert.Equal(expected, RecipientSegments.Matches(e164, [prefix]));
}
