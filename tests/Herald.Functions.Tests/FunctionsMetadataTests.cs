using Herald.Engine;
using Herald.Engine.Orchestrations;
using Herald.Engine.Persistence;
using Herald.Functions.Http;
using Herald.Functions.Orchestrations;
using Herald.Functions.Tests.Infrastructure;
using Herald.Functions.Workers;
using Herald.Testing;
using Microsoft.Extensions.Configuration;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Herald.Functions.Tests;

/// <summary>What the Functions host would index, read from the generated <c>functions.metadata</c> of the build output.</summary>
[Collection("Azurite")]
public sealed class FunctionsMetadataTests(AzuriteFixture azurite)
{
    private static readonly IReadOnlyList<FunctionEntry> Functions = FunctionEntry.Load(RepositoryFiles.FunctionsOutput("functions.metadata"));

    [Fact(Timeout = 60_000)]
    public async Task HttpFunctions_SameRoutesAndMethodsAsTheLocalHost()
    {
        await using var local = new LocalHost(azurite);
        var hostRoutes = local.Routes();
        var functionRoutes = Functions.Where(f => f.Trigger.Type == "httpTrigger" && f.Name != ObservabilityHttpFunctions.DashboardFilesName)
            .Select(f => LocalHost.RouteLine(f.Trigger.Text("route"), f.Trigger.Methods)).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(hostRoutes);
        Assert.Equal(hostRoutes.Except(functionRoutes), []);   // served by the local host, missing from the Functions app
        Assert.Equal(functionRoutes.Except(hostRoutes), []);   // a function the local host does not serve
        Assert.Equal(hostRoutes.Count, functionRoutes.Count);
    }

    [Fact]
    public void DashboardFiles_OneCatchAllGet_TheLocalHostsStaticFiles()
    {
        var files = Assert.Single(Functions, f => f.Trigger.Type == "httpTrigger" && f.Trigger.Text("route")!.StartsWith('{'));
        Assert.Equal(ObservabilityHttpFunctions.DashboardFilesName, files.Name);
        Assert.Equal("{*file} GET", LocalHost.RouteLine(files.Trigger.Text("route"), files.Trigger.Methods));
    }

    [Fact]
    public void HttpFunctions_AnonymousToTheHost_HeraldAuthenticatesAndAnswers()
    {
        foreach (var function in Functions.Where(f => f.Trigger.Type == "httpTrigger"))
        {
            Assert.Equal("Anonymous", function.Trigger.Text("authLevel"));
            Assert.Contains(function.Bindings, b => b.Type == "http" && b.Direction == "Out" && b.Name == "$return");
            Assert.Contains(function.Bindings, b => b.Type == "durableClient");
        }
    }

    [Fact]
    public void Tick_QueueTriggerOnTheEngineTickQueue_WithHostJsonMatchingTheEngine()
    {
        var tick = Assert.Single(Functions, f => f.Trigger.Type == "queueTrigger");
        var engine = new EngineOptions();
        Assert.Equal("%Herald:Engine:NamePrefix%-ticks", tick.Trigger.Text("queueName"));
        Assert.Equal(TickFunctions.QueueName, tick.Trigger.Text("queueName"));

        using var host = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.FunctionsOutput("host.json")));
        var queues = host.RootElement.GetProperty("extensions").GetProperty("queues");
        Assert.Equal(engine.MaxDequeueCount, queues.GetProperty("maxDequeueCount").GetInt32());
        Assert.Equal(engine.MessageVisibility, TimeSpan.Parse(queues.GetProperty("visibilityTimeout").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("base64", queues.GetProperty("messageEncoding").GetString());
        Assert.Equal("", host.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        Assert.Equal(new DurableOptions().TaskHubName, host.RootElement.GetProperty("extensions").GetProperty("durableTask").GetProperty("hubName").GetString());
    }

    [Theory]
    [InlineData("herald")]
    [InlineData("hstaging")]
    public void Tick_QueueNameResolvedFromTheAppSettings_IsTheQueueTheEngineSchedulesTicksOn(string prefix)
    {
        var tick = Assert.Single(Functions, f => f.Trigger.Type == "queueTrigger");
        // App settings as the Functions host reads them (environment variables: __ stands for :), over the sample's.
        using var sample = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.FunctionsOutput("local.settings.sample.json")));
        var values = sample.RootElement.GetProperty("Values").EnumerateObject().ToDictionary(p => p.Name.Replace("__", ":", StringComparison.Ordinal), p => p.Value.GetString());
        Assert.Equal(new EngineOptions().NamePrefix, values[TickFunctions.PrefixSetting]);
        values[TickFunctions.PrefixSetting] = prefix;
        var settings = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        var resolved = Regex.Replace(tick.Trigger.Text("queueName")!, "%(?<name>[^%]+)%", m => settings[m.Groups["name"].Value] ?? throw new InvalidOperationException($"{m.Value} does not resolve to a value."));
        var storage = new EngineStorage(new Azure.Data.Tables.TableServiceClient("UseDevelopmentStorage=true"), new Azure.Storage.Queues.QueueServiceClient("UseDevelopmentStorage=true"), new EngineOptions { NamePrefix = prefix });

        Assert.Equal(storage.Ticks.Name, resolved);
    }

    [Fact]
    public void Sweep_TimerEverySweepInterval()
    {
        var sweep = Assert.Single(Functions, f => f.Trigger.Type == "timerTrigger" && f.Name == "Sweep");
        Assert.Equal("*/15 * * * * *", sweep.Trigger.Text("schedule"));
        Assert.Equal(TimeSpan.FromSeconds(15), new EngineOptions().SweepInterval);
    }

    [Fact]
    public void Timers_TheSweepTheReconcilerAndTheRetentionOfEndedCampaigns()
    {
        var timers = Functions.Where(f => f.Trigger.Type == "timerTrigger").Select(f => f.Name).Order(StringComparer.Ordinal);
        Assert.Equal([ReconcilerFunctions.Name, RetentionFunctions.Name, "Sweep"], timers);
        var retention = Assert.Single(Functions, f => f.Name == RetentionFunctions.Name);
        Assert.Equal("0 0 * * * *", retention.Trigger.Text("schedule"));
    }

    [Fact]
    public void Reconciler_TimerEveryReconcileEvery_WithTheTaskHubsClient()
    {
        // The local host's OrchestrationReconciler loop, as a timer: same period, and a Durable client to schedule with.
        var reconciler = Assert.Single(Functions, f => f.Name == ReconcilerFunctions.Name);
        Assert.Equal("timerTrigger", reconciler.Trigger.Type);
        Assert.Equal("0 * * * * *", reconciler.Trigger.Text("schedule"));
        Assert.Equal(TimeSpan.FromMinutes(1), new DurableOptions().ReconcileEvery);
        Assert.Contains(reconciler.Bindings, b => b.Type == "durableClient");
    }

    [Fact]
    public void Orchestrations_TheCampaignOrchestrationAndEveryActivityItCalls()
    {
        var orchestration = Assert.Single(Functions, f => f.Trigger.Type == "orchestrationTrigger");
        Assert.Equal(CampaignInstance.OrchestrationName, orchestration.Name);

        // Every activity of the engine's orchestrations is an activity function, by the name the orchestration calls.
        var engineActivities = typeof(CampaignOrchestration).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(Microsoft.DurableTask.TaskActivity<,>))
            .Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        var activities = Functions.Where(f => f.Trigger.Type == "activityTrigger").Select(f => f.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(7, engineActivities.Count);
        Assert.Equal(engineActivities, activities);
    }
}
