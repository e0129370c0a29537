using Herald.Host.Secrets;

namespace Herald.Host.Tests.Secrets;

public sealed class SecretMaskerTests
{
    [Theory]
    [InlineData("123456:ABCdefGHIjklMNOpqr", "123456:AB…(masked)")]
    [InlineData("EAAGm0PX4ZCpsBAKZBTtoken", "EA…(masked)")]
    [InlineData("short", "…(masked)")]
    [InlineData("123456:short", "12…(masked)")]
    [InlineData(null, "(empty)")]
    [InlineData("", "(empty)")]
    public void Mask_Value_ShowsOnlyAHint(string? secret, string expected)
    {
        Assert.Equal(expected, SecretMasker.Mask(secret));
    }
}
