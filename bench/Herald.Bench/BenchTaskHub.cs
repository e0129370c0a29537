extern alias host;

using System.Globalization;
using Herald.Engine.Orchestrations;
using Herald.Storage;
using host::Herald.Host.Hosting.Durable;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Herald.Bench;

/// <summary>
/// <c>--task-hub</c>: the campaign orchestrations beside a benchmark's engine, as <c>Herald.Host</c> runs them (its own
/// registration, <see cref="DurableHostExtensions.AddHeraldDurable"/>: the in-process sidecar on the Durable Task
/// Framework's Azure Storage backend, the DurableTask worker and client), in the same storage account, task hub named
/// after the benchmark's table prefix. <c>--partitions</c> sets its control queues (4).
/// </summary>
internal static class BenchTaskHub
{
    /// <summary>True when the benchmark runs with the task hub beside it.</summary>
    public static bool Wanted(BenchArgs args) => args.Flag("task-hub");

    /// <summary>Adds the task hub to <paramref name="builder"/> (an engine composed already).</summary>
    public static void Add(HostApplicationBuilder builder, BenchArgs args, string connectionString, string taskHub)
    {
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{DurableOptions.SectionName}:TaskHubName"] = taskHub,
            [$"{DurableOptions.SectionName}:PartitionCount"] = args.Int("partitions", 4).ToString(CultureInfo.InvariantCulture),
        });
        builder.Services.Configure<StorageOptions>(o => o.ConnectionString ??= connectionString);
        builder.Services.AddHeraldDurable(builder.Configuration, runWorker: true);
    }

    /// <summary>
    /// Waits (at most a minute) for the orchestration of a campaign that ended to end too (its summary), so the host does
    /// not stop under it and its stop's complaints do not follow the benchmark's JSON. Nothing without the task hub.
    /// </summary>
    public static async Task WaitForOrchestrationAsync(IServiceProvider services, string tenantId, string campaignId, CancellationToken cancellationToken)
    {
        if (services.GetService<DurableSidecar>() is null)
        {
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        var instance = await services.GetRequiredService<DurableTaskClient>()
            .WaitForInstanceCompletionAsync(CampaignInstance.IdOf(tenantId, campaignId), timeout.Token);
        Console.WriteLine($"orchestration {instance.InstanceId}: {instance.RuntimeStatus}");
    }

    /// <summary>Prints where the task hub runs once the host started (nothing without it).</summary>
    public static async Task ReportAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetService<DurableSidecar>() is { } sidecar)
        {
            var options = services.GetRequiredService<DurableOptions>();
            Console.WriteLine($"task hub {options.TaskHubName} beside the engine, sidecar on port {await sidecar.PortAsync(cancellationToken)}");
        }
    }
}
