using System.Net;
using Herald.Host.Tenancy;
using Herald.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace Herald.Host.Tests.Tenancy;

public sealed class TenantContextTests(ITestOutputHelper output)
{
    [Fact(Timeout = 60_000)]
    public async Task Endpoint_WithoutAllowAnonymous_RequiresAuthenticationByDefault()
    {
        await using var host = await ApiTestHost.StartAsync(
            app =>
            {
                app.MapGet("/test/tenant", (HttpContext context, ITenantContext tenant) =>
                    TypedResults.Ok(new { fromContext = tenant.TenantId, fromHttpContext = context.GetTenantId() }));
                app.MapGet("/test/open", (HttpContext context) => TypedResults.Ok(new { tenant = context.FindTenantId() })).AllowAnonymous();
            },
            output: output);

        var anonymous = await host.CreateClient().GetAsync("/test/tenant");
        var authenticated = await host.CreateAuthenticatedClient("tenant-x").GetAsync("/test/tenant");
        var open = await host.CreateClient().GetAsync("/test/open");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var body = await authenticated.ReadJsonAsync();
        Assert.Equal("tenant-x", body.GetProperty("fromContext").GetString());
        Assert.Equal("tenant-x", body.GetProperty("fromHttpContext").GetString());
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await open.ReadJsonAsync()).GetProperty("tenant").ValueKind);
    }

    [Fact(Timeout = 60_000)]
    public async Task UnknownPath_Unauthenticated_Returns401NotLeakingRoutes()
    {
        await using var factory = await HeraldApiFactory.StartAsync(output: output);

        var response = await factory.CreateClient().GetAsync("/api/campaigns/does-not-exist");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact(Timeout = 60_000)]
    public async Task UnknownPath_Authenticated_Returns404Problem()
    {
        await using var factory = await HeraldApiFactory.StartAsync(output: output);

        var response = await factory.CreateClient().GetAsync("/api/nothing-here", factory.Token());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
