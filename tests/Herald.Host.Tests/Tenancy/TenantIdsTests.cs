using Herald.Host.Tenancy;

namespace Herald.Host.Tests.Tenancy;

public sealed class TenantIdsTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("tenant-a")]
    [InlineData("Acme_Corp.eu-1")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123")]
    public void IsValid_SafeId_True(string id)
    {
        Assert.True(TenantIds.IsValid(id));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("01234567890123456789012345678901234567890123456789012345678901234")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a b")]
    [InlineData("..")]
    [InlineData(".hidden")]
    [InlineData("--environment")]
    [InlineData("tenant\n")]
    [InlineData("tënant")]
    public void IsValid_UnsafeId_False(string? id)
    {
        Assert.False(TenantIds.IsValid(id));
    }
}
