using Herald.Host.Audit;

namespace Herald.Host.Tests.Audit;

public sealed class AuditDetailsTests
{
    [Theory]
    [InlineData("botToken", "anything")]
    [InlineData("clientSecret", "anything")]
    [InlineData("PhoneNumber", "anything")]
    [InlineData("messageBody", "hello")]
    [InlineData("text", "hello")]
    [InlineData("sessionBlob", "abc")]
    [InlineData("x-api_key", "abc")]
    public void Clean_SensitiveKey_RedactsValue(string key, string value)
    {
        var cleaned = AuditDetails.Clean(new Dictionary<string, string> { [key] = value });

        Assert.Equal(AuditDetails.Redacted, cleaned![key]);
    }

    [Theory]
    [InlineData("123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw", "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkZW1vIn0.sig", "eyJzdWIiOiJkZW1vIn0")]
    [InlineData("+7 916 123-45-67", "916")]
    [InlineData("79161234567", "79161234567")]
    public void Clean_SecretLookingValueUnderHarmlessKey_IsMasked(string value, string mustNotRemain)
    {
        var cleaned = AuditDetails.Clean(new Dictionary<string, string> { ["note"] = value });

        Assert.DoesNotContain(mustNotRemain, cleaned!["note"], StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_OrdinaryValues_KeptAsTheyAre()
    {
        var details = new Dictionary<string, string> { ["targets"] = "1200", ["chatId"] = "-1001234567890", ["status"] = "paused" };

        Assert.Equal(details, AuditDetails.Clean(details)!.ToDictionary());
    }

    [Fact]
    public void Clean_TooManyAndTooLong_Bounded()
    {
        var details = Enumerable.Range(0, AuditDetails.MaxEntries + 10)
            .ToDictionary(i => $"k{i:D3}" + new string('x', AuditDetails.MaxKeyLength), _ => new string('v', AuditDetails.MaxValueLength * 2));

        var cleaned = AuditDetails.Clean(details)!;

        Assert.Equal(AuditDetails.MaxEntries, cleaned.Count);
        Assert.All(cleaned, entry =>
        {
            Assert.Equal(AuditDetails.MaxKeyLength, entry.Key.Length);
            Assert.Equal(AuditDetails.MaxValueLength, entry.Value.Length);
            Assert.EndsWith("…", entry.Value, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Clean_NullOrEmpty_IsNull()
    {
        Assert.Null(AuditDetails.Clean(null));
        Assert.Null(AuditDetails.Clean(new Dictionary<string, string>()));
    }

    [Fact]
    public void NewId_LaterTime_SortsFirst()
    {
        var earlier = AuditKeys.NewId(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
        var later = AuditKeys.NewId(new DateTimeOffset(2026, 3, 2, 10, 0, 0, 1, TimeSpan.Zero));

        Assert.True(string.CompareOrdinal(later, earlier) < 0);
        Assert.True(AuditKeys.IsValid(earlier));
        Assert.NotEqual(earlier, AuditKeys.NewId(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero)));
    }
}
