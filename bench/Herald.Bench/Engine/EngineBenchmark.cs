using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Herald.Core;
using Herald.Core.Domain;
using Herald.Engine;
using Herald.Engine.Accounts;
using Herald.Engine.Campaigns;
using Herald.Engine.Diagnostics;
using Herald.Engine.Persistence;
using Herald.Platforms.Abstractions;
using Herald.Storage;
using Herald.Testing.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Herald.Bench.Engine;

/// <summary>
/// The engine's own ceiling against Azurite: one campaign over many bot accounts with the fake
/// platform (no latency; bot limits are far above what one machine's storage allows, so pacing never
/// binds). Measures from the moment the campaign is created and its accounts woken until it completes:
/// actions per second, storage requests per action (every table and queue request the engine makes),
/// and tick duration percentiles. Options: <c>--accounts</c> (1000), <c>--targets</c> (20000),
/// <c>--concurrency</c> ticks in flight (96), <c>--task-hub</c> (the campaign orchestrations beside it:
/// <see cref="BenchTaskHub"/>), <c>--connection-string</c>.
/// </summary>
internal sealed class EngineBenchmark : IBenchmark
{
    public string Name => "engine";

    public string Description => "engine actions/s, storage requests per action and tick latency (fake platform, Azurite)";

    public async Task<int> RunAsync(BenchArgs args, CancellationToken cancellationToken)
    {
        var accountCount = args.Int("accounts", 1000);
        var targetCount = args.Int("targets", 20000);
        var concurrency = args.Int("concurrency", 96);

        await using var storage = await BenchStorage.OpenAsync(args, cancellationToken);
        var connectionString = storage.ConnectionString;
        var counter = new RequestCounter();
        var tableOptions = StorageClientOptions.Tables();
        tableOptions.AddPolicy(counter, HttpPipelinePosition.PerCall);
        var queueOptions = StorageClientOptions.Queues();
        queueOptions.AddPolicy(counter, HttpPipelinePosition.PerCall);

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(new TableServiceClient(connectionString, tableOptions));
        builder.Services.AddSingleton(new QueueServiceClient(connectionString, queueOptions));
        builder.Services.AddHeraldCore(new ConfigurationBuilder().Build());
        var platform = new FakePlatform();
        builder.Services.AddSingleton<IPlatformAdapter>(platform);
        var prefix = "bench" + string.Concat(Enumerable.Range(0, 8).Select(_ => (char)('a' + Random.Shared.Next(26))));
        builder.Services.AddHeraldEngine(configure: o =>
        {
            o.NamePrefix = prefix;
            o.WorkerConcurrency = concurrency;
            o.MaxPollInterval = TimeSpan.FromMilliseconds(100);
            o.LeaseDuration = TimeSpan.FromSeconds(args.Int("lease-s", (int)o.LeaseDuration.TotalSeconds));
            o.MessageVisibility = TimeSpan.FromSeconds(args.Int("visibility-s", (int)o.MessageVisibility.TotalSeconds));
        });
        builder.Services.AddHeraldWorkers();
        if (BenchTaskHub.Wanted(args))
        {
            BenchTaskHub.Add(builder, args, connectionString, prefix);
        }

        using var host = builder.Build();
        await host.Services.GetRequiredService<EngineStorage>().EnsureCreatedAsync(cancellationToken);

        const string tenant = "bench";
        var accounts = host.Services.GetRequiredService<AccountService>();
        Console.WriteLine($"registering {accountCount} bot accounts...");
        await Parallel.ForEachAsync(Enumerable.Range(0, accountCount), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (i, ct) => await accounts.RegisterAsync(new NewAccount(tenant, $"bot{i:D5}", PlatformKind.Telegram, AccountKind.Bot, $"ref{i}"), ct));

        var ticks = new List<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == EngineMetrics.MeterName && instrument.Name == "herald.engine.tick.duration")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "acted" && tag.Value is true)
                {
                    lock (ticks)
                    {
                        ticks.Add(value);
                    }
                }
            }
        });
        listener.Start();

        await host.StartAsync(cancellationToken);
        await BenchTaskHub.ReportAsync(host.Services, cancellationToken);
        var campaigns = host.Services.GetRequiredService<CampaignService>();
        var recipients = Enumerable.Range(0, targetCount).Select(i => new Recipient(UserId: 1_000_000 + i)).ToList();
        Console.WriteLine($"creating a campaign of {targetCount} targets...");
        var created = Stopwatch.StartNew();
        var campaign = await campaigns.CreateAsync(new NewCampaign(
            new Campaign(tenant, "", PlatformKind.Telegram, [ActionKind.BotMessage], CampaignSchedule.Always, MessageTemplate: "Hello"),
            recipients), cancellationToken: cancellationToken);
        Console.WriteLine($"created in {created.Elapsed.TotalSeconds:F1}s ({campaign.Shards} shards); running...");

        var requestsAtStart = counter.Count;
        var clock = Stopwatch.StartNew();
        var status = host.Services.GetRequiredService<CampaignStatusReader>();
        var store = host.Services.GetRequiredService<CampaignStore>();
        while (true)
        {
            await Task.Delay(500, cancellationToken);
            var row = await store.GetAsync(tenant, campaign.Id, cancellationToken);
            Console.WriteLine($"  {clock.Elapsed.TotalSeconds,6:F1}s  {platform.Started,7} actions  {row!.Status}");
            if (row.Status is Herald.Engine.Model.CampaignStatus.Completed or Herald.Engine.Model.CampaignStatus.CompletedWithErrors)
            {
                break;
            }

            if (clock.Elapsed > TimeSpan.FromMinutes(10))
            {
                Console.WriteLine("gave up after 10 minutes");
                return 1;
            }
        }

        var elapsed = clock.Elapsed.TotalSeconds;
        // The polling above is the benchmark's own: leave it out of the engine's count.
        var requests = counter.Count - requestsAtStart - (long)Math.Ceiling(elapsed / 0.5);
        var view = await status.GetAsync(tenant, campaign.Id, cancellationToken);
        await BenchTaskHub.WaitForOrchestrationAsync(host.Services, tenant, campaign.Id, cancellationToken);
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.StopAsync(stopping.Token);

        double[] sorted;
        lock (ticks)
        {
            sorted = [.. ticks.Order()];
        }

        Console.WriteLine($"requests: {counter.Breakdown}");
        Console.WriteLine($"done: {view!.Counts.Done} done, {platform.DuplicatedRecipients.Count} duplicated, {platform.Overlaps} overlaps, {sorted.Length} acting ticks");
        var result = new Dictionary<string, double>
        {
            ["actions_per_s"] = Math.Round(view.Counts.Done / elapsed, 1),
            ["storage_requests_per_action"] = Math.Round(requests / (double)Math.Max(1, view.Counts.Done), 3),
            ["tick_p50_ms"] = Math.Round(Percentile(sorted, 0.50), 1),
            ["tick_p99_ms"] = Math.Round(Percentile(sorted, 0.99), 1),
        };
        Console.WriteLine(JsonSerializer.Serialize(result));
        return view.Counts.Done == targetCount && platform.DuplicatedRecipients.Count == 0 ? 0 : 1;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    /// <summary>Counts every request sent through the storage clients.</summary>
    private sealed class RequestCounter : HttpPipelineSynchronousPolicy
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _kinds = new(StringComparer.Ordinal);
        private long _count;

        public long Count => Interlocked.Read(ref _count);

        /// <summary>Requests by kind (method, service, entity or collection), for the progress output.</summary>
        public string Breakdown => string.Join(", ", _kinds.OrderByDescending(k => k.Value).Select(k => $"{k.Key}={k.Value}"));

        public override void OnSendingRequest(HttpMessage message)
        {
            Interlocked.Increment(ref _count);
            var path = message.Request.Uri.Path;
            var kind = path.Contains("/messages", StringComparison.Ordinal) ? "queue"
                : path.Contains("$batch", StringComparison.Ordinal) ? "batch"
                : path.Contains("(PartitionKey", StringComparison.Ordinal) ? "entity" : "query";
            _kinds.AddOrUpdate($"{message.Request.Method} {kind}", 1, (_, n) => n + 1);
        }
    }
}
