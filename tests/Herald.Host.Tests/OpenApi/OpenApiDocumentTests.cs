using System.Net;
using Herald.Host.Tests.Infrastructure;

namespace Herald.Host.Tests.OpenApi;

public sealed class OpenApiDocumentTests : IClassFixture<HeraldApiFactory>
{
    private readonly HttpClient _client;

    public OpenApiDocumentTests(HeraldApiFactory factory, ITestOutputHelper output)
    {
        factory.Logs.Output = output;
        _client = factory.CreateClient();
    }

    [Fact(Timeout = 60_000)]
    public async Task Document_Anonymous_DeclaresBearerAndApiKeySchemes()
    {
        var response = await _client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var schemes = (await response.ReadJsonAsync()).GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("http", schemes.GetProperty("Bearer").GetProperty("type").GetString());
        Assert.Equal("bearer", schemes.GetProperty("Bearer").GetProperty("scheme").GetString());
        Assert.Equal("apiKey", schemes.GetProperty("ApiKey").GetProperty("type").GetString());
        Assert.Equal("X-Api-Key", schemes.GetProperty("ApiKey").GetProperty("name").GetString());
    }

    [Fact(Timeout = 60_000)]
    public async Task Document_SecuredAndAnonymousOperations_MarkedAccordingly()
    {
        var paths = (await (await _client.GetAsync("/openapi/v1.json")).ReadJsonAsync()).GetProperty("paths");

        var whoami = paths.GetProperty("/api/whoami").GetProperty("get");
        var schemes = whoami.GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)).ToList();
        Assert.Equal(["Bearer", "ApiKey"], schemes);
        var audit = paths.GetProperty("/api/audit").GetProperty("get");
        Assert.True(audit.TryGetProperty("security", out _));
        Assert.Equal(["limit", "continuation"], audit.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(0, paths.GetProperty("/healthz").GetProperty("get").GetProperty("security").GetArrayLength());
        Assert.Equal(0, paths.GetProperty("/readyz").GetProperty("get").GetProperty("security").GetArrayLength());
    }

    [Fact(Timeout = 60_000)]
    public async Task SwaggerUi_Anonymous_ServesPageFromEmbeddedAssets()
    {
        var page = await _client.GetAsync("/swagger/index.html");
        var script = await _client.GetAsync("/swagger/swagger-ui-bundle.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        var initializer = await (await _client.GetAsync("/swagger/index.js")).Content.ReadAsStringAsync();
        Assert.Contains("/openapi/v1.json", initializer, StringComparison.Ordinal);
    }
}
