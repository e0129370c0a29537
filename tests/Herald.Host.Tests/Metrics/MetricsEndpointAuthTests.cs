using System.Net;
using System.Net.Http.Headers;
using Herald.Host.Tests.Infrastructure;

namespace Herald.Host.Tests.Metrics;

/// <summary><c>GET /metrics</c> with and without <c>Herald:Metrics:BearerToken</c>.</summary>
public sealed class MetricsEndpointAuthTests(ITestOutputHelper output)
{
    [Fact(Timeout = 60_000)]
    public async Task Metrics_NoTokenConfigured_OpenWithTheInstrumentNames()
    {
        await using var factory = await HeraldApiFactory.StartAsync(output: output);

        using var response = await factory.CreateClient().GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("# TYPE invite_processed_users_total counter", text, StringComparison.Ordinal);
        Assert.Contains("invite_active_tasks{platform=\"telegram\"} 0", text, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Metrics_TokenConfigured_RefusedWithoutOrWithWrongTokenServedWithIt()
    {
        await using var factory = await HeraldApiFactory.StartAsync(f => f.Settings["Herald:Metrics:BearerToken"] = "scrape-secret-1", output);
        var client = factory.CreateClient();

        using var anonymous = await client.GetAsync("/metrics");
        using var wrong = await client.SendAsync(Scrape("scrape-secret-2"));
        using var right = await client.SendAsync(Scrape("scrape-secret-1"));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    private static HttpRequestMessage Scrape(string token) =>
        new(HttpMethod.Get, "/metrics") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
}
