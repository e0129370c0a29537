using Herald.Host.Authentication;
using Herald.Host.Tests.Infrastructure;

namespace Herald.Host.Tests.Authentication;

public sealed class HeraldAuthOptionsValidatorTests
{
    private static HeraldAuthOptions Valid() => new()
    {
        Issuer = TestKeys.Issuer,
        Audience = TestKeys.Audience,
        HmacSecrets = [TestKeys.HmacSecret],
    };

    [Fact]
    public void Validate_MinimalHmacConfiguration_Succeeds()
    {
        var result = new HeraldAuthOptionsValidator().Validate(null, Valid());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    public static TheoryData<string, Action<HeraldAuthOptions>> Broken() => new()
    {
        { "Issuer is required", o => o.Issuer = "" },
        { "Audience is required", o => o.Audience = " " },
        { "'none' is not accepted", o => o.AllowedAlgorithms = ["none"] },
        { "'ES256' is not accepted", o => o.AllowedAlgorithms = ["HS256", "ES256"] },
        { "'hs256' is not accepted", o => o.AllowedAlgorithms = ["hs256"] },
        { "shorter than 32 bytes", o => o.HmacSecrets = ["short"] },
        { "not an RSA public key", o => o.RsaPublicKeys = ["-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"] },
        { "cannot read", o => o.RsaPublicKeys = ["/nonexistent/key.pem"] },
        { "not a JWKS document", o => o.Jwks = "{ not json" },
        { "JwksUrl must be an absolute https URL", o => o.JwksUrl = new Uri("http://keys.example.com/jwks.json") },
        { "ClockSkew must be between", o => o.ClockSkew = TimeSpan.FromMinutes(10) },
        { "no signing key is configured", o => o.AllowedAlgorithms = ["RS256"] },
        { "TenantId is not a valid tenant id", o => o.ApiKeys = [new ApiKeyEntry { Name = "n", TenantId = "a b", Sha256 = new string('a', 64) }] },
        { "Sha256 must be 64 hex characters", o => o.ApiKeys = [new ApiKeyEntry { Name = "n", TenantId = "t", Sha256 = "hk_plaintext" }] },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Validate_BrokenSetting_FailsNamingIt(string expected, Action<HeraldAuthOptions> breakIt)
    {
        var options = Valid();
        breakIt(options);

        var result = new HeraldAuthOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LoopbackHttpJwksUrlAndNoOtherKeys_Succeeds()
    {
        var options = new HeraldAuthOptions { Issuer = "i", Audience = "a", JwksUrl = new Uri("http://127.0.0.1:5999/jwks.json") };

        Assert.True(new HeraldAuthOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact(Timeout = 60_000)]
    public async Task Host_InvalidAuthConfiguration_FailsToStart()
    {
        var error = await Record.ExceptionAsync(() => HeraldApiFactory.StartAsync(f => f.Settings["Herald:Auth:Issuer"] = ""));

        Assert.NotNull(error);
        Assert.Contains("Herald:Auth:Issuer is required", error.ToString(), StringComparison.Ordinal);
    }
}
