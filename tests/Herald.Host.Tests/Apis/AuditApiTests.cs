using System.Net;
using Herald.Host.Audit;
using Herald.Host.Tests.Infrastructure;
using Herald.Testing;

namespace Herald.Host.Tests.Apis;

[Collection(ApiAzuriteCollection.Name)]
public sealed class AuditApiTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _tenant = "tenant-" + Guid.NewGuid().ToString("N")[..12];
    private HeraldApiFactory _factory = null!;

    public async Task InitializeAsync() =>
        _factory = await HeraldApiFactory.StartAsync(f => f.Settings["Herald:Storage:ConnectionString"] = azurite.ConnectionString, output);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact(Timeout = 60_000)]
    public async Task GetAudit_Pages_NewestFirstWithContinuation()
    {
        var audit = _factory.Services.GetRequiredService<IAuditLog>();
        foreach (var id in new[] { "c-1", "c-2", "c-3" })
        {
            await audit.RecordAsync(_tenant, "user-1", "campaign.create", "campaign", id, new Dictionary<string, string> { ["targets"] = "10" });
            _factory.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        using var client = _factory.CreateClient();
        var first = await client.GetAsync("/api/audit?limit=2", _factory.Token(_tenant));
        var firstBody = await first.ReadJsonAsync();
        var continuation = firstBody.GetProperty("continuation").GetString();
        var second = await (await client.GetAsync($"/api/audit?limit=2&continuation={continuation}", _factory.Token(_tenant))).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(["c-3", "c-2"], firstBody.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("resourceId").GetString()));
        Assert.Equal(["c-1"], second.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("resourceId").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, second.GetProperty("continuation").ValueKind);
        var entry = second.GetProperty("entries")[0];
        Assert.Equal("campaign.create", entry.GetProperty("action").GetString());
        Assert.Equal("user-1", entry.GetProperty("actor").GetString());
        Assert.Equal("10", entry.GetProperty("details").GetProperty("targets").GetString());
    }

    [Fact(Timeout = 60_000)]
    public async Task GetAudit_AnotherTenantsEntries_NotShown()
    {
        await _factory.Services.GetRequiredService<IAuditLog>().RecordAsync(_tenant, "user-1", "campaign.create", "campaign", "c-1");

        var response = await _factory.CreateClient().GetAsync("/api/audit", _factory.Token(_tenant + "-x"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await response.ReadJsonAsync()).GetProperty("entries").EnumerateArray());
    }

    [Theory(Timeout = 60_000)]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("limit=-1", "limit")]
    [InlineData("continuation=abc", "continuation")]
    public async Task GetAudit_BadQuery_Returns400NamingTheParameter(string query, string field)
    {
        var response = await _factory.CreateClient().GetAsync($"/api/audit?{query}", _factory.Token(_tenant));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact(Timeout = 60_000)]
    public async Task GetAudit_Anonymous_Returns401()
    {
        var response = await _factory.CreateClient().GetAsync("/api/audit");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
