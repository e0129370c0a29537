using System.Globalization;
using System.Security.Cryptography;
using Herald.Testing;
using Herald.Testing.Processes;

namespace Herald.EndToEnd.Tests.Infrastructure;

/// <summary>
/// What the end-to-end tests share, each part its own process on loopback: Azurite (through <see cref="AzuriteFixture"/>:
/// free ports, in memory) and the Telegram Bot API simulator (<c>dotnet Herald.Simulator.dll</c>, Telegram's limits), plus
/// a data folder and a signing secret for Herald's processes. Herald itself (the host, worker processes) is started by
/// each test with its own table and queue prefix, in the Production environment (nothing started for it), configured
/// on the command line.
/// </summary>
public sealed class HeraldStackFixture(IMessageSink sink) : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new(sink);
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "herald-e2e-" + Guid.NewGuid().ToString("N"));
    private readonly string _signingSecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
    private ChildProcess? _simulator;

    /// <summary>The simulator's inspection and control API.</summary>
    public SimulatorClient Simulator { get; private set; } = null!;

    /// <summary>The simulated TDLib's control and inspection API (the same simulator process).</summary>
    public TdLibSimulatorClient TdLib { get; private set; } = null!;

    /// <summary>The simulator's base address, Herald's Bot API server.</summary>
    public Uri SimulatorUri => _simulator!.BaseAddress;

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        _simulator = await ChildProcess.StartAsync("simulator", RepositoryPaths.SimulatorAssembly, QuietLogging, log: null);
        Simulator = new SimulatorClient(_simulator.BaseAddress);
        TdLib = new TdLibSimulatorClient(_simulator.BaseAddress);
        Directory.CreateDirectory(_dataDirectory);
    }

    public async Task DisposeAsync()
    {
        Simulator?.Dispose();
        TdLib?.Dispose();
        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }

        await _azurite.DisposeAsync();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    /// <summary>A fresh table and queue prefix: each test has its own engine state on the shared storage.</summary>
    public static string NewPrefix() => "e" + string.Concat(Enumerable.Range(0, 10).Select(_ => (char)('a' + Random.Shared.Next(26))));

    /// <summary>Starts the host (API and the engine's workers) with the engine state under <paramref name="prefix"/>; returns once it is ready.</summary>
    /// <remarks><paramref name="settings"/> add to or override the configuration (<c>--Key=value</c>).</remarks>
    public Task<ChildProcess> StartHostAsync(string prefix, ITestOutputHelper log, params string[] settings) =>
        StartHeraldAsync("host", [.. Configuration(prefix, "host"), .. settings], log);

    /// <summary>Starts a worker process (the host's <c>worker</c> command: the engine's workers, health endpoints only).</summary>
    public Task<ChildProcess> StartWorkerAsync(string prefix, ITestOutputHelper log, params string[] settings) =>
        StartHeraldAsync("worker", ["worker", .. Configuration(prefix, "worker"), .. settings], log);

    /// <summary>A token for <paramref name="tenant"/> from the host's <c>token</c> command, with the processes' signing configuration.</summary>
    public async Task<string> CreateTokenAsync(string tenant)
    {
        var (exitCode, stdout, stderr) = await ChildProcess.RunAsync(RepositoryPaths.HostAssembly, ["token", "--tenant", tenant, .. AuthConfiguration()]);
        Assert.True(exitCode == 0, $"token command: exit {exitCode}: {stderr}");
        return stdout.Trim();
    }

    // Lifetime events stay on: "Now listening on" tells the port.
    private static string[] QuietLogging => ["--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information"];

    private string[] AuthConfiguration() =>
    [
        $"--Herald:DataDirectory={_dataDirectory}",
        "--Herald:Auth:Issuer=herald-e2e",
        "--Herald:Auth:Audience=herald-api",
        $"--Herald:Auth:HmacSecrets:0={_signingSecret}",
    ];

    // Short leases and sweeps: a tick (or a task hub partition) killed with its process is taken over within seconds, not minutes.
    // Each process keeps its open TDLib sessions in its own folder, as on its own machine (they move through blob storage).
    private IEnumerable<string> Configuration(string prefix, string process) =>
    [
        .. AuthConfiguration(),
        .. QuietLogging,
        $"--Herald:Storage:ConnectionString={_azurite.ConnectionString}",
        $"--Herald:Platforms:TelegramBot:BaseUrl={SimulatorUri}",
        // Only the simulator may see limits at TimeFactor speed (SimulatedTimeGuard): the WhatsApp platform points there too.
        $"--Herald:Platforms:WhatsAppCloud:BaseUrl={SimulatorUri}",
        $"--Herald:TelegramUser:SimulatorUrl={SimulatorUri}",
        $"--Herald:TelegramUser:SessionDirectory={Path.Combine(_dataDirectory, "tdlib", process + "-" + Guid.NewGuid().ToString("N")[..8])}",
        $"--Herald:Engine:NamePrefix={prefix}",
        $"--Herald:Durable:TaskHubName={prefix}",
        "--Herald:Durable:PartitionLease=00:00:10",
        "--Herald:Durable:MessageVisibility=00:00:20",
        "--Herald:Engine:LeaseDuration=00:00:10",
        "--Herald:Engine:MessageVisibility=00:00:05",
        "--Herald:Engine:SweepInterval=00:00:02",
        "--Herald:Engine:OverdueAfter=00:00:05",
        "--Herald:Engine:IdlePoll=00:00:02",
    ];

    private static async Task<ChildProcess> StartHeraldAsync(string name, string[] args, ITestOutputHelper log)
    {
        var process = await ChildProcess.StartAsync(name, RepositoryPaths.HostAssembly, args, log);
        try
        {
            using var http = new HttpClient { BaseAddress = process.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (!(await http.GetAsync("/readyz", deadline.Token)).IsSuccessStatusCode)
            {
                await Task.Delay(200, deadline.Token);
            }

            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} (pid {process.Id}) ready on {process.BaseAddress}"));
            return process;
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }
}
