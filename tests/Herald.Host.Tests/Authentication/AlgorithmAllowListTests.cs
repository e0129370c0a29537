using System.Net;
using System.Text;
using Herald.Host.Tests.Infrastructure;

namespace Herald.Host.Tests.Authentication;

/// <summary>The allow-list is checked against the header's alg before any key is tried.</summary>
public sealed class AlgorithmAllowListTests
{
    [Fact(Timeout = 60_000)]
    public async Task WhoAmI_OnlyRs256Allowed_RefusesValidHs256TokenAndConfusionToken()
    {
        await using var factory = await HeraldApiFactory.StartAsync(f => f.Settings["Herald:Auth:AllowedAlgorithms:0"] = "RS256");
        var client = factory.CreateClient();
        var now = factory.Clock.GetUtcNow();

        var hmac = await client.GetAsync("/api/whoami", TestTokens.Create(now));
        var confusion = await client.GetAsync("/api/whoami", TestTokens.Create(now, credentials: TestTokens.Hmac(Encoding.UTF8.GetBytes(TestKeys.Pem.PublicPem))));
        var rsa = await client.GetAsync("/api/whoami", TestTokens.Create(now, credentials: TestTokens.Rsa(TestKeys.Pem, withKeyId: false)));

        Assert.Equal(HttpStatusCode.Unauthorized, hmac.StatusCode);
        Assert.Contains("algorithm is not accepted", hmac.Headers.WwwAuthenticate.Single().Parameter, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, confusion.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rsa.StatusCode);
    }

    [Fact(Timeout = 60_000)]
    public async Task WhoAmI_Hs512Allowed_AcceptsHs512Token()
    {
        await using var factory = await HeraldApiFactory.StartAsync(f => f.Settings["Herald:Auth:AllowedAlgorithms:0"] = "HS512");
        var token = TestTokens.Create(factory.Clock.GetUtcNow(), credentials: TestTokens.Hmac(TestKeys.HmacSecret, "HS512"));

        var response = await factory.CreateClient().GetAsync("/api/whoami", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
