extern alias simulator;

using System.Net.Http.Headers;
using Herald.Platforms.Abstractions;
using Herald.Testing;
using Herald.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection.Extensions;
using simulator::Herald.Simulator;

namespace Herald.Host.Tests.Infrastructure;

/// <summary>What an <see cref="EngineApiHost"/> runs with.</summary>
public sealed class EngineApiOptions
{
    /// <summary>Run the engine's workers inside the host (default true).</summary>
    public bool Workers { get; set; } = true;

    /// <summary>A fake platform that replaces the Telegram adapter for campaign runs; null keeps the real adapter (against the simulator).</summary>
    public FakePlatform? Platform { get; set; }

    /// <summary>The simulator's scenario.</summary>
    public SimulatorOptions Simulator { get; set; } = new();

    /// <summary>
    /// The clock of the host (engine, platforms, tokens) and the simulator; default the system clock. A
    /// <see cref="RunningClock"/>'s fake clock lets a test jump whole days.
    /// </summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>More settings laid over the defaults; <c>{simulator}</c> in a value stands for the simulator's base URL (<c>http://127.0.0.1:port/</c>).</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>More service changes.</summary>
    public Action<IServiceCollection>? Services { get; set; }
}

/// <summary>
/// The real host (<c>Program</c>) over the collection's Azurite with the engine composed in: its own table and queue
/// prefix and task hub (so workers of other hosts never take its ticks nor its orchestrations), short engine intervals, the
/// system clock unless <see cref="EngineApiOptions.Time"/> says otherwise (workers and the bot limiter wait on it), and the simulator in process as the Telegram Bot API, simulated
/// TDLib and WhatsApp Cloud API base URL.
/// </summary>
public sealed class EngineApiHost : IAsyncDisposable
{
    private EngineApiHost(HeraldApiFactory factory, RunningSimulator simulator, FakePlatform? platform, string prefix)
    {
        Prefix = prefix;
        Factory = factory;
        Simulator = simulator;
        Platform = platform;
    }

    /// <summary>The engine's table and queue name prefix (<c>{prefix}accounts</c>, …).</summary>
    public string Prefix { get; }

    public HeraldApiFactory Factory { get; }

    public RunningSimulator Simulator { get; }

    public FakePlatform? Platform { get; }

    public IServiceProvider Services => Factory.Services;

    public CapturingLoggerProvider Logs => Factory.Logs;

    public static string NewTenant(string prefix = "t") => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 64)];

    public static async Task<EngineApiHost> StartAsync(AzuriteFixture azurite, ITestOutputHelper? output, Action<EngineApiOptions>? configure = null)
    {
        var options = new EngineApiOptions();
        configure?.Invoke(options);
        var simulator = await SimulatorHost.StartAsync(options.Simulator, timeProvider: options.Time);
        try
        {
            var prefix = "h" + string.Concat(Enumerable.Range(0, 10).Select(_ => (char)('a' + Random.Shared.Next(26))));
            var factory = await HeraldApiFactory.StartAsync(
                f =>
                {
                    f.Settings["Herald:Storage:ConnectionString"] = azurite.ConnectionString;
                    f.Settings["Herald:Engine:NamePrefix"] = prefix;
                    f.Settings["Herald:Engine:RunWorkers"] = options.Workers ? "true" : "false";
                    f.Settings["Herald:Engine:LeaseDuration"] = "00:00:08";
                    f.Settings["Herald:Engine:MessageVisibility"] = "00:00:04";
                    f.Settings["Herald:Engine:SweepInterval"] = "00:00:01";
                    f.Settings["Herald:Engine:OverdueAfter"] = "00:00:03";
                    f.Settings["Herald:Engine:MaxPollInterval"] = "00:00:00.200";
                    f.Settings["Herald:Engine:IdlePoll"] = "00:00:01";
                    f.Settings["Herald:Durable:TaskHubName"] = prefix;
                    f.Settings["Herald:Durable:PartitionCount"] = "1";
                    f.Settings["Herald:Durable:MaxPollInterval"] = "00:00:00.500";
                    f.Settings["Herald:Platforms:TelegramBot:BaseUrl"] = simulator.BaseUri.ToString();
                    f.Settings["Herald:TelegramUser:SimulatorUrl"] = simulator.BaseUri.ToString();
                    f.Settings["Herald:Platforms:WhatsAppCloud:BaseUrl"] = simulator.BaseUri.ToString();
                    foreach (var (key, value) in options.Settings)
                    {
                        f.Settings[key] = value?.Replace("{simulator}", simulator.BaseUri.ToString(), StringComparison.Ordinal);
                    }

                    f.TokenClock = options.Time;
                    f.TestServices = services =>
                    {
                        services.AddSingleton(options.Time);
                        if (options.Platform is { } platform)
                        {
                            services.RemoveAll<IPlatformAdapter>();
                            services.AddSingleton<IPlatformAdapter>(platform);
                        }

                        options.Services?.Invoke(services);
                    };
                },
                output);
            return new EngineApiHost(factory, simulator, options.Platform, prefix);
        }
        catch
        {
            await simulator.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client with a bearer token for <paramref name="tenant"/>.</summary>
    public HttpClient Client(string tenant)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Factory.Token(tenant));
        return client;
    }

    /// <summary>A fresh bot token the simulator accepts.</summary>
    public static string NewBotToken() =>
        $"{Random.Shared.NextInt64(100_000_000, 999_999_999)}:AA{Guid.NewGuid():N}{Guid.NewGuid():N}"[..48];

    /// <summary>The bot id of a token (the number before the colon).</summary>
    public static long BotIdOf(string token) => long.Parse(token.AsSpan(0, token.IndexOf(':', StringComparison.Ordinal)), System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
