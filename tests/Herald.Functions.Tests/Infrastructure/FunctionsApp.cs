extern alias simulator;

using Azure.Storage.Queues.Models;
using Herald.Engine.Orchestrations;
using Herald.Engine.Persistence;
using Herald.Functions.Hosting;
using Herald.Functions.Http;
using Herald.Functions.Orchestrations;
using Herald.Functions.Workers;
using Herald.Host.Hosting.Durable;
using Herald.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using simulator::Herald.Simulator;

namespace Herald.Functions.Tests.Infrastructure;

/// <summary>
/// The Functions app without a Functions host: its <see cref="HeraldApplication"/> over Azurite and the Telegram
/// simulator, its function classes, and in the host's place what the host would do: the durable triggers run by a
/// DurableTask worker on the local host's sidecar (its task hub on Azurite) that calls the orchestration and activity
/// functions, and a pump that delivers the tick queue's messages to <see cref="TickFunctions.Tick"/> (deleted when it
/// returns, delivered again when it throws).
/// </summary>
public sealed class FunctionsApp : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _pumps = [];
    private IHost? _durable;
    private DurableSidecar? _sidecar;

    private FunctionsApp(HeraldApplication herald, RunningSimulator simulator, string prefix)
    {
        Herald = herald;
        Simulator = simulator;
        Prefix = prefix;
        Http = new HttpFunctions(herald);
        Observability = new ObservabilityHttpFunctions(herald);
        Ticks = new TickFunctions(herald, NullLogger<TickFunctions>.Instance);
        Orchestrations = new CampaignOrchestrationFunctions(herald);
        Retention = new RetentionFunctions(herald);
        Reconciler = new ReconcilerFunctions(herald);
    }

    public HeraldApplication Herald { get; }

    public RunningSimulator Simulator { get; }

    public string Prefix { get; }

    public HttpFunctions Http { get; }

    public ObservabilityHttpFunctions Observability { get; }

    public TickFunctions Ticks { get; }

    public CampaignOrchestrationFunctions Orchestrations { get; }

    public RetentionFunctions Retention { get; }

    public ReconcilerFunctions Reconciler { get; }

    /// <summary>What a <c>[DurableClient]</c> binding gives: a client of the task hub.</summary>
    public DurableTaskClient Durable => _durable?.Services.GetRequiredService<DurableTaskClient>() ?? throw new InvalidOperationException("Not started.");

    public EngineStorage Storage => Herald.Services.GetRequiredService<EngineStorage>();

    public static async Task<FunctionsApp> StartAsync(AzuriteFixture azurite, bool runTicks = true, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var prefix = TestNames.Prefix();
        var simulator = await SimulatorHost.StartAsync();
        var values = TestSettings.Create(azurite.ConnectionString, prefix);
        values["Herald:Platforms:TelegramBot:BaseUrl"] = simulator.BaseUri.ToString();
        values["Herald:Engine:LeaseDuration"] = "00:00:08";
        values["Herald:Engine:MessageVisibility"] = "00:00:04";
        values["Herald:Durable:MaxPollInterval"] = "00:00:00.200";
        values["Herald:Durable:LookEvery"] = "00:00:01";
        values["Herald:Durable:PartitionCount"] = "1";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var environment = new HostingEnvironment { EnvironmentName = "Testing", ApplicationName = "Herald.Functions", ContentRootPath = AppContext.BaseDirectory };
        var herald = new HeraldApplication(configuration, environment);
        var app = new FunctionsApp(herald, simulator, prefix);
        try
        {
            await herald.StartAsync(CancellationToken.None);
            await app.StartDurableAsync();
            if (runTicks)
            {
                app._pumps.Add(app.PumpTicksAsync(app._stopping.Token));
            }

            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Calls an HTTP function as the Functions host would, with the task hub's client as its binding.</summary>
    public async Task<FunctionCall> CallAsync(Func<Microsoft.AspNetCore.Http.HttpRequest, DurableTaskClient, Task> function, FunctionCall call)
    {
        await function(call.Request, Durable);
        return call;
    }

    private async Task StartDurableAsync()
    {
        // The local host's sidecar over the same storage account: in Azure the Functions host plays this part.
        _sidecar = ActivatorUtilities.CreateInstance<DurableSidecar>(Herald.Services, true);
        await _sidecar.StartAsync(CancellationToken.None);
        var channel = _sidecar.Channel;
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddDurableTaskClient(client => client.UseGrpc(channel));
        builder.Services.AddDurableTaskWorker(worker =>
        {
            worker.UseGrpc(channel);
            worker.AddTasks(tasks =>
            {
                var f = Orchestrations;
                tasks.AddOrchestratorFunc<CampaignRun, CampaignSummary?>(CampaignInstance.OrchestrationName, (context, _) => CampaignOrchestrationFunctions.RunCampaign(context));
                tasks.AddActivityFunc<CampaignRef, CampaignSnapshot>(nameof(LookAtCampaignActivity), (_, input) => f.LookAtCampaign(input, Durable));
                tasks.AddActivityFunc<CampaignRef, int?>(nameof(PlanPreparationActivity), (_, input) => f.PlanPreparation(input, Durable));
                tasks.AddActivityFunc<PreparationChunk, int>(nameof(PrepareChunkActivity), (_, input) => f.PrepareChunk(input, Durable));
                tasks.AddActivityFunc<PreparationResult, bool>(nameof(FinishPreparationActivity), (_, input) => f.FinishPreparation(input, Durable));
                tasks.AddActivityFunc<CampaignRef, CampaignSummary?>(nameof(FinishCampaignActivity), (_, input) => f.FinishCampaign(input, Durable));
                tasks.AddActivityFunc<CampaignFailure, bool>(nameof(FailCampaignActivity), (_, input) => f.FailCampaign(input, Durable));
            });
        });
        _durable = builder.Build();
        await _durable.StartAsync();
    }

    private async Task PumpTicksAsync(CancellationToken cancellationToken)
    {
        var queue = Storage.Ticks;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                QueueMessage[] messages = (await queue.ReceiveMessagesAsync(16, TimeSpan.FromSeconds(30), cancellationToken)).Value;
                if (messages.Length == 0)
                {
                    await Task.Delay(50, cancellationToken);
                    continue;
                }

                await Task.WhenAll(messages.Select(m => DeliverAsync(m, cancellationToken)));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task DeliverAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await Ticks.Tick(message, Durable, cancellationToken);
            await Storage.Ticks.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // As the host does: the message comes back after host.json's visibilityTimeout (here sooner).
            await Storage.Ticks.UpdateMessageAsync(message.MessageId, message.PopReceipt, (BinaryData?)null, TimeSpan.FromSeconds(1), CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_pumps).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (_durable is not null)
        {
            await _durable.StopAsync();
            _durable.Dispose();
        }

        if (_sidecar is not null)
        {
            await _sidecar.StopAsync(CancellationToken.None);
            await _sidecar.DisposeAsync();
        }

        await Herald.StopAsync(CancellationToken.None);
        await Herald.DisposeAsync();
        await Simulator.DisposeAsync();
        _stopping.Dispose();
    }
}
