using System.Net;
using Herald.Host.Authentication;
using Herald.Host.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Herald.Host.Tests.Authentication;

public sealed class ApiKeyTests : IClassFixture<HeraldApiFactory>
{
    private readonly HeraldApiFactory _factory;
    private readonly HttpClient _client;

    public ApiKeyTests(HeraldApiFactory factory, ITestOutputHelper output)
    {
        _factory = factory;
        _factory.Logs.Output = output;
        _client = factory.CreateClient();
    }

    [Fact(Timeout = 60_000)]
    public async Task WhoAmI_ValidApiKey_ReturnsOwnerTenant()
    {
        var response = await _client.GetAsync("/api/whoami", token: null, apiKey: TestSettings.ApiKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(TestSettings.ApiKeyTenant, body.GetProperty("tenantId").GetString());
        Assert.Equal("api_key", body.GetProperty("authMethod").GetString());
        Assert.Equal("api-key:billing-service", body.GetProperty("actor").GetString());
    }

    [Theory(Timeout = 60_000)]
    [InlineData("hk_wrong-key")]
    [InlineData("hk_test-key-9f8e7d6c5b4a39281706f5e4d3c2b1a")]
    [InlineData("long")]
    public async Task WhoAmI_InvalidApiKey_Returns401Problem(string key)
    {
        key = key == "long" ? new string('k', 300) : key;

        var response = await _client.GetAsync("/api/whoami", token: null, apiKey: key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("The API key is not valid.", (await response.ReadJsonAsync()).GetProperty("detail").GetString());
    }

    [Fact(Timeout = 60_000)]
    public async Task WhoAmI_StoredHashPresentedAsKey_Returns401()
    {
        var response = await _client.GetAsync("/api/whoami", token: null, apiKey: ApiKeys.Hash(TestSettings.ApiKey));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact(Timeout = 60_000)]
    public async Task Configuration_HoldsOnlyTheHashOfTheKey()
    {
        var configuration = _factory.Services.GetRequiredService<IConfiguration>();

        var values = configuration.AsEnumerable().Select(pair => pair.Value).Where(v => v is not null).ToList();

        Assert.DoesNotContain(values, v => v!.Contains(TestSettings.ApiKey, StringComparison.Ordinal));
        Assert.Contains(ApiKeys.Hash(TestSettings.ApiKey), values);
    }

    [Fact(Timeout = 60_000)]
    public async Task WhoAmI_BearerAndApiKeyBoth_BearerDecides()
    {
        var response = await _client.GetAsync("/api/whoami", _factory.Token("tenant-a"), apiKey: "hk_wrong-key");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("tenant-a", (await response.ReadJsonAsync()).GetProperty("tenantId").GetString());
    }

    [Fact(Timeout = 60_000)]
    public async Task FindAsync_GeneratedKeyWithItsHashConfigured_FindsOwner()
    {
        var key = ApiKeys.Generate();
        var options = new HeraldAuthOptions { ApiKeys = [new ApiKeyEntry { Name = "n", TenantId = "t", Sha256 = ApiKeys.Hash(key).ToUpperInvariant() }] };
        var store = new InMemoryApiKeyStore(new StaticOptionsMonitor<HeraldAuthOptions>(options));

        Assert.Equal(new ApiKeyOwner("t", "n"), await store.FindAsync(key));
        Assert.Null(await store.FindAsync(key + "x"));
        Assert.Null(await store.FindAsync(new string('a', ApiKeys.MaxLength + 1)));
        Assert.NotEqual(ApiKeys.Generate(), key);
    }
}
