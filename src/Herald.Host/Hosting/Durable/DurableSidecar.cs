using System.Diagnostics;
using System.Reflection;
using System.Net;
using System.Net.Sockets;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Azure.Identity;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using Herald.Engine.Orchestrations;
using Herald.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.Options;

namespace Herald.Host.Hosting.Durable;

/// <summary>
/// The Durable Task sidecar in this process: the gRPC task hub service (<see cref="TaskHubGrpcServer"/>) over the Durable
/// Task Framework's Azure Storage backend (<see cref="AzureStorageOrchestrationService"/>, task hub
/// <see cref="DurableOptions.TaskHubName"/> in the engine's storage account), on an HTTP/2 loopback port of its own. The
/// DurableTask SDK worker and client reach it through <see cref="Channel"/> — the stack the Azure Functions host runs
/// for isolated-worker apps, minus the Functions host. It starts once storage answers (retrying while it is down), and
/// stops after the worker (it is registered before it), ending its streams within <see cref="ShutdownGrace"/>.
/// </summary>
public sealed class DurableSidecar : IHostedService, IAsyncDisposable
{
    /// <summary>How long the sidecar's server waits for open calls when it stops.</summary>
    public static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(5);

    /// <summary>How long after its server started the sidecar waits before stopping it (see <see cref="StopAsync"/>).</summary>
    private static readonly TimeSpan StartSettle = TimeSpan.FromSeconds(5);

    /// <summary>How long a call waits for the sidecar to listen (it starts once storage answers).</summary>
    public static readonly TimeSpan ConnectWait = TimeSpan.FromSeconds(3);

    private readonly IOptions<StorageOptions> _storage;
    private readonly DurableOptions _options;
    private readonly bool _dispatch;
    private readonly IServiceProvider _services;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger<DurableSidecar> _logger;
    private readonly TaskCompletionSource<int> _port = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private Task? _starting;
    private WebApplication? _app;
    private long _appStarted;
    private AzureStorageOrchestrationService? _service;
    private int _stopped;
    private int _disposed;

    /// <summary>A sidecar that also runs the orchestrations (<paramref name="dispatch"/>) or only serves the client API.</summary>
    public DurableSidecar(IOptions<StorageOptions> storage, DurableOptions options, bool dispatch, IServiceProvider services, ILoggerFactory loggerFactory)
    {
        _storage = storage;
        _options = options;
        _dispatch = dispatch;
        _services = services;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<DurableSidecar>();
        var handler = new SocketsHttpHandler { ConnectCallback = ConnectAsync, EnableMultipleHttp2Connections = true };
        Channel = GrpcChannel.ForAddress("http://durable-sidecar.localhost", new GrpcChannelOptions { HttpHandler = handler, LoggerFactory = loggerFactory });
    }

    /// <summary>The channel to the sidecar: its calls wait until the sidecar listens.</summary>
    public GrpcChannel Channel { get; }

    /// <summary>The sidecar's loopback port, once it listens.</summary>
    public Task<int> PortAsync(CancellationToken cancellationToken = default) => _port.Task.WaitAsync(cancellationToken);

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _starting = RunAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A host may dispose its services before it stops them (seen with the test server's factory): then the disposal
        // has stopped it already.
        if (Volatile.Read(ref _disposed) == 0)
        {
            await StopServerAsync(cancellationToken);
        }
    }

    private async Task StopServerAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        if (_starting is not null)
        {
            await _starting.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (_app is not null)
        {
            // The server's started handler starts the orchestration service without being awaited; a stop before that
            // start got far enough meets a null in AzureStorageOrchestrationService.StopAsync, inside the server's
            // stopping handler (an async void: the process aborts, exit 134). Give a fresh start that long first.
            // Only until the service says it started (its private isStarted; without it, the whole settle time).
            var started = typeof(AzureStorageOrchestrationService).GetField("isStarted", BindingFlags.Instance | BindingFlags.NonPublic);
            while (Stopwatch.GetElapsedTime(_appStarted) < StartSettle && !cancellationToken.IsCancellationRequested
                && started?.GetValue(_service) is not true)
            {
                await Task.Delay(50, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            grace.CancelAfter(ShutdownGrace);
            await _app.StopAsync(grace.Token);
        }

        _port.TrySetCanceled(cancellationToken);
        Log.DurableSidecarStopped(_logger, _options.TaskHubName);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await StopServerAsync(CancellationToken.None);
        Channel.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        // _stopping is left to the collector (it has no timer): a stop still running on another thread may cancel it.
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                _service ??= new AzureStorageOrchestrationService(Settings());
                await _service.CreateIfNotExistsAsync().WaitAsync(stoppingToken);
                break;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.DurableTaskHubUnavailable(_logger, e, _options.TaskHubName, attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, attempt * 2)), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        if (stoppingToken.IsCancellationRequested || _service is not { } service)
        {
            return;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear(); // none of the host's settings (its Urls) apply to the sidecar's server
        builder.Logging.ClearProviders().AddProvider(new ForwardingLoggerProvider(_loggerFactory));

        // Its gRPC calls are the sidecar's plumbing, and its "Now listening on" must not read as the host's address.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning).AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownGrace);

        // The sidecar's server stops when this sidecar stops it, never on its own: with the default console lifetime it
        // would also take the process's SIGTERM and stop at once, before the orchestration service started (the abort
        // StopAsync waits to avoid; seen as exit 134 when a worker was stopped a moment after it started).
        builder.Services.AddSingleton<IHostLifetime, ServerLifetime>();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<IOrchestrationService>(service);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(service);
        builder.Services.Configure<TaskHubGrpcServerOptions>(o => o.Mode = _dispatch ? TaskHubGrpcServerMode.ApiServerAndDispatcher : TaskHubGrpcServerMode.ApiServerOnly);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        var app = builder.Build();
        app.MapGrpcService<TaskHubGrpcServer>();

        // Not cancelled mid-way: a server stopped before it started runs TaskHubGrpcServer's stopping handler on state its
        // started handler never set (an async void: the NullReferenceException aborts the process). A stop during the
        // start waits for it (StopAsync awaits this method) and then stops the server.
        await app.StartAsync(CancellationToken.None);
        _app = app;
        _appStarted = Stopwatch.GetTimestamp();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var port = new Uri(address).Port;
        Log.DurableSidecarListening(_logger, _options.TaskHubName, port, _options.PartitionCount);
        _port.TrySetResult(port);
    }

    private AzureStorageOrchestrationServiceSettings Settings()
    {
        var storage = _storage.Value;
        return new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = _options.TaskHubName,
            PartitionCount = _options.PartitionCount,
            MaxQueuePollingInterval = _options.MaxPollInterval,
            LeaseInterval = _options.PartitionLease,
            LeaseRenewInterval = _options.PartitionLease / 3,
            LeaseAcquireInterval = _options.PartitionLease / 3,
            ControlQueueVisibilityTimeout = _options.MessageVisibility,
            WorkItemQueueVisibilityTimeout = _options.MessageVisibility,
            WorkerId = $"{Environment.MachineName}/{Environment.ProcessId}",
            UseAppLease = false, // the partitions' own leases share the work; the app lease's stop throws when it never started
            LoggerFactory = _loggerFactory,
            StorageAccountClientProvider = string.IsNullOrWhiteSpace(storage.ConnectionString)
                ? WithCredential(storage.QueueEndpoint!, storage.TableEndpoint!, Credential())
                : Observed(storage.ConnectionString),
        };
    }

    /// <summary>The task hub's clients, its queues as <see cref="TaskHubQueueClient"/>s (their receives run to the end).</summary>
    private StorageAccountClientProvider Observed(string connectionString)
    {
        if (_services.GetService<DurableStoragePolicy>() is not { } observer)
        {
            return new StorageAccountClientProvider(
                StorageServiceClientProvider.ForBlob(connectionString),
                TaskHubQueueProvider.For(connectionString),
                StorageServiceClientProvider.ForTable(connectionString));
        }

        var blobs = new BlobClientOptions();
        var queues = new QueueClientOptions();
        var tables = new TableClientOptions();
        blobs.AddPolicy(observer.Policy, HttpPipelinePosition.PerCall);
        queues.AddPolicy(observer.Policy, HttpPipelinePosition.PerCall);
        tables.AddPolicy(observer.Policy, HttpPipelinePosition.PerCall);
        return new StorageAccountClientProvider(
            StorageServiceClientProvider.ForBlob(connectionString, blobs),
            TaskHubQueueProvider.For(connectionString, queues),
            StorageServiceClientProvider.ForTable(connectionString, tables));
    }

    private static StorageAccountClientProvider WithCredential(Uri queueEndpoint, Uri tableEndpoint, TokenCredential credential) => new(
        StorageServiceClientProvider.ForBlob(BlobEndpoint(queueEndpoint), credential),
        TaskHubQueueProvider.For(queueEndpoint, credential),
        StorageServiceClientProvider.ForTable(tableEndpoint, credential));

    private TokenCredential Credential() => _services.GetService<TokenCredential>() ?? new DefaultAzureCredential();

    // The task hub keeps leases and large messages in blobs: the account's blob endpoint beside its queue endpoint.
    private static Uri BlobEndpoint(Uri queueEndpoint) =>
        new UriBuilder(queueEndpoint) { Host = queueEndpoint.Host.Replace(".queue.", ".blob.", StringComparison.OrdinalIgnoreCase) }.Uri;

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        // A call made while the task hub cannot be reached fails after a short wait instead of hanging its caller.
        var port = await PortAsync(cancellationToken).WaitAsync(ConnectWait, cancellationToken);
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>A server lifetime that neither waits for nor listens to the process's signals.</summary>
    private sealed class ServerLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
