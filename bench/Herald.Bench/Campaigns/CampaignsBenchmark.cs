extern alias host;

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Herald.Core;
using Herald.Core.Domain;
using Herald.Engine;
using Herald.Engine.Accounts;
using Herald.Engine.Campaigns;
using Herald.Engine.Orchestrations;
using Herald.Engine.Model;
using Herald.Engine.Persistence;
using Herald.Platforms.Abstractions;
using Herald.Testing.Fakes;
using host::Herald.Host.Hosting.Durable;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Herald.Bench.Campaigns;

/// <summary>
/// Many small campaigns, each with its orchestration, through the in-process Durable Task sidecar on Azurite, over bot
/// accounts with the fake platform: creation-to-first-action latency (p50/p99), the task hub's storage requests per
/// campaign (every request of the orchestrations' own clients, idle polling included) and how many campaigns ended
/// completed with their orchestration. Options: <c>--campaigns</c> (200), <c>--targets</c> per campaign (100),
/// <c>--accounts</c> (20), <c>--partitions</c> (4), <c>--connection-string</c>.
/// </summary>
internal sealed class CampaignsBenchmark : IBenchmark
{
    private const string Tenant = "bench";

    public string Name => "campaigns";

    public string Description => "campaign orchestrations: start latency, task hub requests per campaign, all completed (fake platform, Azurite)";

    public async Task<int> RunAsync(BenchArgs args, CancellationToken cancellationToken)
    {
        var campaignCount = args.Int("campaigns", 200);
        var targetCount = args.Int("targets", 100);
        var accountCount = args.Int("accounts", 20);
        await using var storage = await BenchStorage.OpenAsync(args, cancellationToken);
        var prefix = "bench" + string.Concat(Enumerable.Range(0, 8).Select(_ => (char)('a' + Random.Shared.Next(26))));
        var counter = new RequestCounter();
        var platform = new FakePlatform();

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{DurableOptions.SectionName}:TaskHubName"] = prefix,
            [$"{DurableOptions.SectionName}:PartitionCount"] = args.Int("partitions", 4).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.Services.AddHeraldStorage(o => o.ConnectionString = storage.ConnectionString);
        builder.Services.AddHeraldCore(new ConfigurationBuilder().Build());
        builder.Services.AddSingleton<IPlatformAdapter>(platform);
        builder.Services.AddHeraldEngine(configure: o =>
        {
            o.NamePrefix = prefix;
            o.MaxPollInterval = TimeSpan.FromMilliseconds(100);
        });
        builder.Services.AddHeraldWorkers();
        builder.Services.AddSingleton(new DurableStoragePolicy(counter));
        builder.Services.AddHeraldDurable(builder.Configuration, runWorker: true);
        using var app = builder.Build();
        await app.Services.GetRequiredService<EngineStorage>().EnsureCreatedAsync(cancellationToken);
        await app.StartAsync(cancellationToken);
        var sidecar = app.Services.GetRequiredService<DurableSidecar>();
        Console.WriteLine($"task hub {prefix} on sidecar port {await sidecar.PortAsync(cancellationToken)}");

        var accounts = app.Services.GetRequiredService<AccountService>();
        Console.WriteLine($"registering {accountCount} bot accounts...");
        for (var i = 0; i < accountCount; i++)
        {
            await accounts.RegisterAsync(new NewAccount(Tenant, $"bot{i:D4}", PlatformKind.Telegram, AccountKind.Bot, $"ref{i}"), cancellationToken);
        }

        var campaigns = app.Services.GetRequiredService<CampaignService>();
        var created = new ConcurrentDictionary<string, (string Id, DateTimeOffset At)>(StringComparer.Ordinal);
        var requestsAtStart = counter.Count;
        var clock = Stopwatch.StartNew();
        Console.WriteLine($"creating {campaignCount} campaigns of {targetCount} targets...");
        await Parallel.ForEachAsync(Enumerable.Range(0, campaignCount), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (c, ct) =>
        {
            var key = $"c{c:D5}";
            var recipients = Enumerable.Range(0, targetCount).Select(i => new Recipient(UserId: 1_000_000 + (c * targetCount) + i)).ToList();
            var at = DateTimeOffset.UtcNow;
            var campaign = await campaigns.CreateAsync(new NewCampaign(
                new Campaign(Tenant, "", PlatformKind.Telegram, [ActionKind.BotMessage], CampaignSchedule.Always, MessageTemplate: key), recipients), cancellationToken: ct);
            created[key] = (campaign.Id, at);
        });
        Console.WriteLine($"created in {clock.Elapsed.TotalSeconds:F1}s; waiting for every orchestration to end...");

        var durable = app.Services.GetRequiredService<DurableTaskClient>();
        var store = app.Services.GetRequiredService<CampaignStore>();
        var ids = created.Values.Select(v => v.Id).ToList();
        await WaitForCampaignsAsync(store, ids, clock, cancellationToken);

        // Reading an orchestration's state goes through the task hub too: count the orchestrations' own requests only.
        var requests = counter.Count - requestsAtStart;
        var completed = await WaitForOrchestrationsAsync(durable, ids, clock, cancellationToken);
        var firstAction = platform.Calls.GroupBy(c => c.Text ?? "", StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Min(c => c.StartedAt), StringComparer.Ordinal);
        var latencies = created.Where(c => firstAction.ContainsKey(c.Key)).Select(c => (firstAction[c.Key] - c.Value.At).TotalMilliseconds).Order().ToArray();
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await app.StopAsync(stopping.Token);

        Console.WriteLine($"task hub requests: {counter.Breakdown}");
        Console.WriteLine($"{platform.Calls.Count} actions, {platform.DuplicatedRecipients.Count} duplicated; {completed} of {campaignCount} campaigns completed in {clock.Elapsed.TotalSeconds:F1}s");
        var result = new Dictionary<string, double>
        {
            ["campaigns"] = campaignCount,
            ["completed"] = completed,
            ["start_latency_p50_ms"] = Math.Round(Percentile(latencies, 0.50), 1),
            ["start_latency_p99_ms"] = Math.Round(Percentile(latencies, 0.99), 1),
            ["storage_requests_per_campaign"] = Math.Round(requests / (double)Math.Max(1, campaignCount), 1),
        };
        Console.WriteLine(JsonSerializer.Serialize(result));
        return completed == campaignCount && platform.DuplicatedRecipients.Count == 0 ? 0 : 1;
    }

    /// <summary>Polls the campaign rows (engine storage, not counted) until each campaign has ended (or 10 minutes).</summary>
    private static async Task WaitForCampaignsAsync(CampaignStore store, List<string> campaignIds, Stopwatch clock, CancellationToken cancellationToken)
    {
        var open = new HashSet<string>(campaignIds, StringComparer.Ordinal);
        while (open.Count > 0 && clock.Elapsed < TimeSpan.FromMinutes(10))
        {
            await Task.Delay(1000, cancellationToken);
            foreach (var id in open.ToList())
            {
                if ((await store.GetAsync(Tenant, id, cancellationToken))?.Status.IsTerminal() ?? true)
                {
                    open.Remove(id);
                }
            }

            Console.WriteLine($"  {clock.Elapsed.TotalSeconds,6:F1}s  {campaignIds.Count - open.Count} campaigns ended");
        }

        // Their orchestrations notice within a signal's or a look's time: give them that before reading them.
        await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
    }

    /// <summary>Polls the orchestrations until each has ended (or 10 minutes); returns how many ended with a completed campaign.</summary>
    private static async Task<int> WaitForOrchestrationsAsync(DurableTaskClient durable, List<string> campaignIds, Stopwatch clock, CancellationToken cancellationToken)
    {
        var open = new HashSet<string>(campaignIds, StringComparer.Ordinal);
        var completed = 0;
        while (open.Count > 0 && clock.Elapsed < TimeSpan.FromMinutes(10))
        {
            await Task.Delay(1000, cancellationToken);
            foreach (var id in open.ToList())
            {
                var instance = await durable.GetInstanceAsync(CampaignInstance.IdOf(Tenant, id), getInputsAndOutputs: true, cancellationToken);
                if (instance is { IsCompleted: true })
                {
                    open.Remove(id);
                    completed += instance.ReadOutputAs<CampaignSummary>()?.Status is "completed" ? 1 : 0;
                }
            }

            Console.WriteLine($"  {clock.Elapsed.TotalSeconds,6:F1}s  {campaignIds.Count - open.Count} orchestrations ended");
        }

        return completed;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    /// <summary>Counts every request of the task hub's own storage clients.</summary>
    private sealed class RequestCounter : HttpPipelineSynchronousPolicy
    {
        private readonly ConcurrentDictionary<string, long> _kinds = new(StringComparer.Ordinal);
        private long _count;

        public long Count => Interlocked.Read(ref _count);

        public string Breakdown => string.Join(", ", _kinds.OrderByDescending(k => k.Value).Select(k => $"{k.Key}={k.Value}"));

        public override void OnSendingRequest(HttpMessage message)
        {
            Interlocked.Increment(ref _count);
            var uri = message.Request.Uri;
            var service = uri.Path.Contains("/messages", StringComparison.Ordinal) ? "queue"
                : uri.Query.Contains("comp=lease", StringComparison.Ordinal) ? "lease"
                : "table/blob";
            _kinds.AddOrUpdate($"{message.Request.Method} {service}", 1, (_, n) => n + 1);
        }
    }
}
