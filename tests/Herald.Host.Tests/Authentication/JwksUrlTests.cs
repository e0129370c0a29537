using System.Net;
using Herald.Host.Tests.Infrastructure;

namespace Herald.Host.Tests.Authentication;

/// <summary>Keys from a JWKS URL, served over real loopback HTTP: fetched once, cached, refetched on rotation and expiry.</summary>
public sealed class JwksUrlTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TestKeys.RsaKey First = new("url-1");
    private static readonly TestKeys.RsaKey Rotated = new("url-2");

    private JwksServer _jwks = null!;
    private HeraldApiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _jwks = await JwksServer.StartAsync();
        _jwks.Document = TestKeys.JwksFor(First);
        _factory = await HeraldApiFactory.StartAsync(
            f =>
            {
                f.Settings["Herald:Auth:JwksUrl"] = _jwks.Url.ToString();
                f.Settings["Herald:Auth:JwksRefreshInterval"] = "01:00:00";
                f.Settings["Herald:Auth:JwksMinimumRefreshInterval"] = "00:01:00";
            },
            output);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _jwks.DisposeAsync();
    }

    [Fact(Timeout = 60_000)]
    public async Task WhoAmI_TokensSignedWithPublishedKey_FetchesOnceAndCaches()
    {
        var client = _factory.CreateClient();

        var first = await client.GetAsync("/api/whoami", Token(First, "tenant-url"));
        var second = await client.GetAsync("/api/whoami", Token(First, "tenant-url"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(1, _jwks.Fetches);
    }

    [Fact(Timeout = 60_000)]
    public async Task WhoAmI_KeyRotated_UnknownKidRefetchesAfterMinimumInterval()
    {
        var client = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/whoami", Token(First))).StatusCode);
        _jwks.Document = TestKeys.JwksFor(First, Rotated);

        var tooSoon = await client.GetAsync("/api/whoami", Token(Rotated));
        Assert.Equal(HttpStatusCode.Unauthorized, tooSoon.StatusCode);
        Assert.Equal(1, _jwks.Fetches);

        _factory.Clock.Advance(TimeSpan.FromSeconds(61));
        var afterInterval = await client.GetAsync("/api/whoami", Token(Rotated));

        Assert.Equal(HttpStatusCode.OK, afterInterval.StatusCode);
        Assert.Equal(2, _jwks.Fetches);
    }

    [Fact(Timeout = 60_000)]
    public async Task WhoAmI_CacheExpired_RefetchesAndDropsRemovedKeys()
    {
        var client = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/whoami", Token(First))).StatusCode);
        _jwks.Document = TestKeys.JwksFor(Rotated);

        _factory.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        var removed = await client.GetAsync("/api/whoami", Token(First));

        Assert.Equal(HttpStatusCode.Unauthorized, removed.StatusCode);
        Assert.Equal(2, _jwks.Fetches);
    }

    [Fact(Timeout = 60_000)]
    public async Task WhoAmI_JwksKeyUsedAsHmacSecret_Refused()
    {
        var client = _factory.CreateClient();
        var forged = TestTokens.Create(_factory.Clock.GetUtcNow(), credentials: TestTokens.Hmac(First.PublicDer));

        var response = await client.GetAsync("/api/whoami", forged);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private string Token(TestKeys.RsaKey key, string tenant = "tenant-a") =>
        TestTokens.Create(_factory.Clock.GetUtcNow(), tenant, TestTokens.Rsa(key));
}
