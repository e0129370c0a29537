using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace Herald.Host.Tests.Infrastructure;

/// <summary>
/// The real host (<c>Program</c>) on a test server: test keys, a manual clock, a temp data folder, and every log
/// record captured at Trace level. Pass <c>configure</c> to change settings and services for one test.
/// </summary>
public class HeraldApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private readonly Action<HeraldApiFactory>? _configure;

    public HeraldApiFactory()
        : this(null)
    {
    }

    private HeraldApiFactory(Action<HeraldApiFactory>? configure)
    {
        _configure = configure;
        Settings = TestSettings.Create(_data.Path);
        TokenClock = Clock;
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));

    /// <summary>The clock tokens are made with: <see cref="Clock"/>, unless a test serves the host the system clock.</summary>
    public TimeProvider TokenClock { get; set; }

    public CapturingLoggerProvider Logs { get; } = new();

    public string DataDirectory => _data.Path;

    /// <summary>Configuration laid over appsettings.json; change it (in <c>configure</c>) before the first client.</summary>
    public Dictionary<string, string?> Settings { get; }

    public string EnvironmentName { get; set; } = "Testing";

    public Action<IServiceCollection>? TestServices { get; set; }

    /// <summary>A valid HS256 token for <paramref name="tenant"/> at <see cref="TokenClock"/>'s time.</summary>
    public string Token(string tenant = "tenant-a") => TestTokens.Create(TokenClock.GetUtcNow(), tenant);

    /// <summary>Creates and starts a factory for one test; dispose it with <c>await using</c>.</summary>
    public static async Task<HeraldApiFactory> StartAsync(Action<HeraldApiFactory>? configure = null, ITestOutputHelper? output = null)
    {
        var factory = new HeraldApiFactory(configure);
        factory.Logs.Output = output;
        try
        {
            await factory.InitializeAsync();
            return factory;
        }
        catch
        {
            await factory.DisposeAsync();
            throw;
        }
    }

    public Task InitializeAsync()
    {
        _configure?.Invoke(this);
        _ = Server;
        return Task.CompletedTask;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _data.Dispose();
        GC.SuppressFinalize(this);
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);

        // Host settings reach Program's builder.Configuration before AddHeraldApi decides what to register (storage,
        // Azurite, the simulator); app configuration added here only arrives after Program's code has run.
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(Settings));
        builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            TestServices?.Invoke(services);
        });
    }
}
