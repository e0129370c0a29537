using System.Net;
using Herald.Host.Health;
using Herald.Host.Tests.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Herald.Host.Tests.Health;

public sealed class HealthApiTests(ITestOutputHelper output)
{
    [Fact(Timeout = 60_000)]
    public async Task Healthz_NoAuth_Returns200()
    {
        await using var factory = await HeraldApiFactory.StartAsync(output: output);

        var response = await factory.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", (await response.ReadJsonAsync()).GetProperty("status").GetString());
    }

    [Fact(Timeout = 60_000)]
    public async Task Healthz_ReadinessCheckFails_Still200()
    {
        await using var factory = await HeraldApiFactory.StartAsync(
            f => f.TestServices = s => s.AddHealthChecks().AddCheck("storage", () => HealthCheckResult.Unhealthy("down"), [HealthExtensions.ReadyTag]),
            output);

        var response = await factory.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact(Timeout = 60_000)]
    public async Task Readyz_NoChecksRegistered_Returns200Ready()
    {
        await using var factory = await HeraldApiFactory.StartAsync(output: output);

        var response = await factory.CreateClient().GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ready", (await response.ReadJsonAsync()).GetProperty("status").GetString());
    }

    [Fact(Timeout = 60_000)]
    public async Task Readyz_AllChecksPass_Returns200ListingThem()
    {
        await using var factory = await HeraldApiFactory.StartAsync(
            f => f.TestServices = s => s.AddHealthChecks().AddCheck("storage", () => HealthCheckResult.Healthy(), [HealthExtensions.ReadyTag]),
            output);

        var response = await factory.CreateClient().GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var check = Assert.Single((await response.ReadJsonAsync()).GetProperty("checks").EnumerateArray());
        Assert.Equal("storage", check.GetProperty("name").GetString());
        Assert.Equal("ready", check.GetProperty("status").GetString());
    }

    [Fact(Timeout = 60_000)]
    public async Task Readyz_OneCheckFails_Returns503ProblemNamingIt()
    {
        await using var factory = await HeraldApiFactory.StartAsync(
            f => f.TestServices = s => s.AddHealthChecks()
                .AddCheck("storage", () => HealthCheckResult.Unhealthy("Azurite does not answer."), [HealthExtensions.ReadyTag])
                .AddCheck("vault", () => HealthCheckResult.Healthy(), [HealthExtensions.ReadyTag]),
            output);

        var response = await factory.CreateClient().GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("Not ready: storage.", problem.GetProperty("detail").GetString());
        var storage = problem.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "storage");
        Assert.Equal("not_ready", storage.GetProperty("status").GetString());
        Assert.Equal("Azurite does not answer.", storage.GetProperty("detail").GetString());
    }

    [Fact(Timeout = 60_000)]
    public async Task Readyz_UntaggedCheck_IsNotRun()
    {
        await using var factory = await HeraldApiFactory.StartAsync(
            f => f.TestServices = s => s.AddHealthChecks().AddCheck("other", () => HealthCheckResult.Unhealthy("down")),
            output);

        var response = await factory.CreateClient().GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await response.ReadJsonAsync()).GetProperty("checks").EnumerateArray());
    }

    [Fact(Timeout = 60_000)]
    public async Task Readyz_CheckThrows_Returns503WithoutTheExceptionMessage()
    {
        await using var factory = await HeraldApiFactory.StartAsync(
            f => f.TestServices = s => s.AddHealthChecks().AddCheck<ThrowingCheck>("storage", tags: [HealthExtensions.ReadyTag]),
            output);

        var response = await factory.CreateClient().GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("AccountKey", body, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException", body, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Readyz_CheckHangsPastCheckTimeout_Returns503TimedOut()
    {
        await using var factory = await HeraldApiFactory.StartAsync(
            f =>
            {
                f.Settings["Herald:Readiness:CheckTimeout"] = "00:00:00.500";
                f.TestServices = s => s.AddHealthChecks().AddCheck<HangingCheck>("slow", tags: [HealthExtensions.ReadyTag]);
            },
            output);

        var response = await factory.CreateClient().GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var slow = Assert.Single((await response.ReadJsonAsync()).GetProperty("checks").EnumerateArray());
        Assert.Equal("The check timed out.", slow.GetProperty("detail").GetString());
    }

    [Fact(Timeout = 60_000)]
    public async Task Start_CheckTimeoutNotPositive_FailsNamingTheSetting()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => HeraldApiFactory.StartAsync(f => f.Settings["Herald:Readiness:CheckTimeout"] = "00:00:00", output));

        Assert.Contains("Herald:Readiness:CheckTimeout", error.ToString(), StringComparison.Ordinal);
    }

    private sealed class ThrowingCheck : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("Connection failed: AccountKey=c2VjcmV0");
    }

    private sealed class HangingCheck : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            return HealthCheckResult.Healthy();
        }
    }
}
