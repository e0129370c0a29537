using System.Net;
using Herald.Host.Health;
using Herald.Host.Tests.Infrastructure;

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
            f => f.TestServices = s => s.AddSingleton<IReadinessCheck>(new FixedCheck("storage", ReadinessResult.Ready)),
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
            f => f.TestServices = s =>
            {
                s.AddSingleton<IReadinessCheck>(new FixedCheck("storage", ReadinessResult.NotReady("Azurite does not answer.")));
                s.AddSingleton<IReadinessCheck>(new FixedCheck("vault", ReadinessResult.Ready));
            },
            output);

        var response = await factory.CreateClient().GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("Not ready: storage.", problem.GetProperty("detail").GetString());
        var storage = problem.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "storage");
        Assert.Equal("Azurite does not answer.", storage.GetProperty("detail").GetString());
    }

    [Fact(Timeout = 60_000)]
    public async Task Readyz_CheckThrows_Returns503WithoutTheExceptionMessage()
    {
        await using var factory = await HeraldApiFactory.StartAsync(
            f => f.TestServices = s => s.AddSingleton<IReadinessCheck>(new ThrowingCheck()),
            output);

        var response = await factory.CreateClient().GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("AccountKey", body, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException", body, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Readyz_CheckHangsPastTimeout_Returns503TimedOut()
    {
        var hanging = new HangingCheck();
        await using var factory = await HeraldApiFactory.StartAsync(
            f =>
            {
                f.Settings["Herald:Readiness:CheckTimeout"] = "00:00:05";
                f.TestServices = s => s.AddSingleton<IReadinessCheck>(hanging);
            },
            output);

        var pending = factory.CreateClient().GetAsync("/readyz");
        await hanging.Started.Task;
        factory.Clock.Advance(TimeSpan.FromSeconds(5));
        var response = await pending;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("timed out", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private sealed class FixedCheck(string name, ReadinessResult result) : IReadinessCheck
    {
        public string Name => name;

        public Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken = default) => Task.FromResult(result);
    }

    private sealed class ThrowingCheck : IReadinessCheck
    {
        public string Name => "storage";

        public Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("Connection failed: AccountKey=c2VjcmV0");
    }

    private sealed class HangingCheck : IReadinessCheck
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => "slow";

        public async Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken = default)
        {
            Started.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            return ReadinessResult.Ready;
        }
    }
}
