using System.Text.RegularExpressions;
using Herald.Host.Secrets;

namespace Herald.Host.Tests.Secrets;

public sealed partial class SecretNamesTests
{
    [Theory]
    [InlineData("demo", "bot-token")]
    [InlineData("tenant_1.eu", "telegram/session:+100")]
    [InlineData("t", "имя секрета")]
    [InlineData("---", "___")]
    public void For_AnyInput_IsAValidKeyVaultName(string tenant, string name)
    {
        var secretName = SecretNames.For(tenant, name);

        Assert.Matches(KeyVaultName(), secretName);
        Assert.True(SecretNames.IsValidReference(secretName));
    }

    [Fact]
    public void For_SamePair_IsStableAndReadable()
    {
        Assert.Equal(SecretNames.For("demo", "bot-token"), SecretNames.For("demo", "bot-token"));
        Assert.StartsWith("demo--bot-token--", SecretNames.For("demo", "bot-token"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a-b", "c", "a", "b-c")]
    [InlineData("demo", "bot.token", "demo", "bot-token")]
    [InlineData("Demo", "x", "demo", "x")]
    public void For_DifferentPairs_NeverCollideEvenIgnoringCase(string tenant1, string name1, string tenant2, string name2)
    {
        // Key Vault names are case-insensitive.
        Assert.NotEqual(SecretNames.For(tenant1, name1), SecretNames.For(tenant2, name2), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void For_LongInputs_StaysWithin127Characters()
    {
        var name = SecretNames.For(new string('t', 64), new string('n', 500));

        Assert.True(name.Length <= SecretNames.MaxLength, name);
        Assert.NotEqual(name, SecretNames.For(new string('t', 64), new string('n', 499)));
    }

    [Theory]
    [InlineData("", "x")]
    [InlineData("x", "")]
    public void For_EmptyPart_Throws(string tenant, string name)
    {
        Assert.ThrowsAny<ArgumentException>(() => SecretNames.For(tenant, name));
    }

    [GeneratedRegex("^[0-9a-zA-Z-]{1,127}$")]
    private static partial Regex KeyVaultName();
}
