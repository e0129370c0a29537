using Herald.Host.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace Herald.Host.Tests.Infrastructure;

/// <summary>
/// A test server with the host's whole foundation (<c>AddHeraldApi</c>/<c>UseHeraldApi</c>, the same calls
/// <c>Program</c> makes) plus endpoints a test maps itself: how the reusable plumbing is tried on test-only endpoints.
/// </summary>
public sealed class ApiTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TempDirectory _data;

    private ApiTestHost(WebApplication app, TempDirectory data, FakeTimeProvider clock, CapturingLoggerProvider logs)
    {
        _app = app;
        _data = data;
        Clock = clock;
        Logs = logs;
    }

    public FakeTimeProvider Clock { get; }

    public CapturingLoggerProvider Logs { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<ApiTestHost> StartAsync(
        Action<WebApplication> map,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        ITestOutputHelper? output = null)
    {
        var data = new TempDirectory();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
        var logs = new CapturingLoggerProvider { Output = output };
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = data.Path });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(TestSettings.Create(data.Path));
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.AddHeraldApi();
        builder.Services.AddSingleton<TimeProvider>(clock);
        services?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseHeraldApi();
        map(app);
        await app.StartAsync();
        return new ApiTestHost(app, data, clock, logs);
    }

    public HttpClient CreateClient() => _app.GetTestClient();

    /// <summary>A client that sends a valid bearer token for <paramref name="tenant"/>.</summary>
    public HttpClient CreateAuthenticatedClient(string tenant = "tenant-a")
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Create(Clock.GetUtcNow(), tenant));
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _data.Dispose();
    }
}
