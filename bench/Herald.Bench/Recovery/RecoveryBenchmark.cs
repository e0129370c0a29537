using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Herald.Bench.Broadcast;
using Herald.Core;
using Herald.Core.Domain;
using Herald.Engine;
using Herald.Engine.Accounts;
using Herald.Engine.Campaigns;
using Herald.Engine.Model;
using Herald.Engine.Persistence;
using Herald.Platforms.Abstractions;
using Herald.Platforms.TelegramBot;
using Herald.Simulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Herald.Bench.Recovery;

/// <summary>
/// <c>recovery</c>: how soon an account whose tick died with its process acts again (issue 15, item 8). One bot
/// broadcast against the simulator (Telegram's limits), its engine workers in a child process of their own (this
/// program with <c>--worker</c>: the engine's defaults, the real Telegram Bot API platform) over a private Azurite. While the bot
/// sends, the worker is SIGKILLed mid-tick and a fresh one started at once, <c>--kills</c> times; per kill the figure is
/// the time from the kill to the bot's next delivery the simulator records (from the new process). At the end:
/// duplicate deliveries (0 in at-most-once mode) and lost recipients (neither delivered nor reported failed or
/// unknown; 0). Options: <c>--kills</c> (3), <c>--recipients</c> (3000), <c>--run-s</c> (sending time before each kill,
/// 4), <c>--mode</c> (<c>at-most-once</c> or <c>at-least-once</c>, which also prints duplicates per kill).
/// </summary>
internal sealed class RecoveryBenchmark : IBenchmark
{
    private const string Tenant = "bench";

    public string Name => "recovery";

    public string Description => "SIGKILL the worker mid-tick and restart it: kill → next send [--kills 3 --recipients 3000 --run-s 4 --mode at-most-once|at-least-once]";

    public async Task<int> RunAsync(BenchArgs args, CancellationToken cancellationToken)
    {
        if (args.String("worker") is not null)
        {
            return await RunWorkerAsync(args.String("connection-string")!, new Uri(args.String("simulator")!), args.String("prefix")!, cancellationToken);
        }

        var kills = args.Int("kills", 3);
        var recipientCount = args.Int("recipients", 3000);
        var runFor = TimeSpan.FromSeconds(args.Int("run-s", 4));
        var mode = args.String("mode") ?? "at-most-once";
        var delivery = mode switch
        {
            "at-most-once" => DeliveryMode.AtMostOnce,
            "at-least-once" => DeliveryMode.AtLeastOnce,
            _ => throw new ArgumentException("--mode is at-most-once or at-least-once."),
        };

        await using var storage = await BenchStorage.OpenAsync(args, cancellationToken);
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions(), cancellationToken: cancellationToken);
        var prefix = "bench" + string.Concat(Enumerable.Range(0, 8).Select(_ => (char)('a' + Random.Shared.Next(26))));
        using var control = BuildHost(storage.ConnectionString, simulator.BaseUri, prefix, workers: false);
        await control.Services.GetRequiredService<EngineStorage>().EnsureCreatedAsync(cancellationToken);
        await control.StartAsync(cancellationToken);
        var campaignId = await CreateCampaignAsync(control.Services, recipientCount, delivery, cancellationToken);
        Console.WriteLine($"simulator on {simulator.BaseUri}; campaign of {recipientCount} recipients ({mode}) over one bot");

        var worker = WorkerProcess.Start(storage.ConnectionString, simulator.BaseUri, prefix);
        var recoveries = new List<double>();
        try
        {
            var started = Now();
            var first = await NextDeliveryAfterAsync(simulator.State, started, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first worker: first send {(first - started).TotalSeconds:F1}s after its start"));
            for (var k = 0; k < kills; k++)
            {
                await Task.Delay(runFor, cancellationToken);
                await SendingAsync(simulator.State, cancellationToken);
                var killedAt = Now();
                worker.Kill();
                worker = WorkerProcess.Start(storage.ConnectionString, simulator.BaseUri, prefix);

                // A request the dead process had in flight may still land: only a delivery after the new start counts.
                var next = await NextDeliveryAfterAsync(simulator.State, Now(), cancellationToken);
                recoveries.Add((next - killedAt).TotalSeconds);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"kill {k + 1}: the bot sent again {recoveries[^1]:F1}s after the kill ({simulator.State.GetDeliveries().Count} delivered so far)"));
            }

            Console.WriteLine("waiting for the campaign to end...");
            await WaitForEndAsync(control.Services.GetRequiredService<CampaignStore>(), campaignId, cancellationToken);
        }
        finally
        {
            worker.Kill();
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await control.StopAsync(stopping.Token);
        }

        var (duplicates, lost, unknown) = await CountAsync(control.Services.GetRequiredService<TargetStore>(), simulator.State, campaignId, cancellationToken);
        Console.WriteLine($"{simulator.State.GetDeliveries().Count} delivered, {duplicates} duplicates, {unknown} unknown, {lost} lost");
        var sorted = recoveries.Order().ToList();
        var result = new Dictionary<string, object>
        {
            ["mode"] = mode,
            ["kills"] = kills,
            ["recovery_s_p50"] = Math.Round(sorted.Count == 0 ? 0 : sorted[sorted.Count / 2], 1),
            ["recovery_s_max"] = Math.Round(sorted.DefaultIfEmpty(0).Max(), 1),
            ["duplicates"] = duplicates,
            ["lost"] = lost,
        };
        if (delivery == DeliveryMode.AtLeastOnce)
        {
            result["duplicates_per_kill"] = Math.Round(kills == 0 ? 0 : (double)duplicates / kills, 2);
        }

        Console.WriteLine(JsonSerializer.Serialize(result));
        return lost == 0 && (delivery == DeliveryMode.AtLeastOnce || duplicates == 0) ? 0 : 1;
    }

    private static DateTimeOffset Now() => TimeProvider.System.GetUtcNow();

    private static IHost BuildHost(string connectionString, Uri simulator, string prefix, bool workers)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddHeraldStorage(o => o.ConnectionString = connectionString);
        builder.Services.AddHeraldCore(new ConfigurationBuilder().Build());
        builder.Services.AddSingleton<ISecretStore, InMemorySecretStore>();
        builder.Services.AddTelegramBotPlatform(o => o.BaseUrl = simulator.ToString());
        builder.Services.AddHeraldEngine(configure: o => o.NamePrefix = prefix);
        if (workers)
        {
            builder.Services.AddHeraldWorkers();
        }

        return builder.Build();
    }

    // The same token in every process: the in-memory secret store names it by tenant and name.
    private static Task<string> SetTokenAsync(ISecretStore secrets, CancellationToken cancellationToken) =>
        secrets.SetAsync(Tenant, "bot000", "700000001:bench-token-000", cancellationToken);

    private static async Task<int> RunWorkerAsync(string connectionString, Uri simulator, string prefix, CancellationToken cancellationToken)
    {
        using var host = BuildHost(connectionString, simulator, prefix, workers: true);
        await SetTokenAsync(host.Services.GetRequiredService<ISecretStore>(), cancellationToken);
        await host.RunAsync(cancellationToken);
        return 0;
    }

    private static async Task<string> CreateCampaignAsync(IServiceProvider services, int recipientCount, DeliveryMode delivery, CancellationToken cancellationToken)
    {
        var reference = await SetTokenAsync(services.GetRequiredService<ISecretStore>(), cancellationToken);
        await services.GetRequiredService<AccountService>().RegisterAsync(
            new NewAccount(Tenant, null, PlatformKind.Telegram, AccountKind.Bot, reference, "bot000"), cancellationToken);
        var recipients = Enumerable.Range(0, recipientCount).Select(i => new Recipient(UserId: 1_000_000 + i)).ToList();
        var campaign = await services.GetRequiredService<CampaignService>().CreateAsync(new NewCampaign(
            new Campaign(Tenant, "", PlatformKind.Telegram, [ActionKind.BotMessage], CampaignSchedule.Always, MessageTemplate: "Hello from the recovery benchmark", Delivery: delivery),
            recipients), cancellationToken: cancellationToken);
        return campaign.Id;
    }

    /// <summary>The time of the first delivery recorded after <paramref name="after"/> (polled every 50 ms, for at most 5 minutes).</summary>
    private static async Task<DateTimeOffset> NextDeliveryAfterAsync(SimulatorState simulator, DateTimeOffset after, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(5))
        {
            var deliveries = simulator.GetDeliveries();
            var next = deliveries.Where(d => d.DeliveredAt > after).Select(d => (DateTimeOffset?)d.DeliveredAt).Min();
            if (next is { } at)
            {
                return at;
            }

            await Task.Delay(50, cancellationToken);
        }

        throw new TimeoutException("The bot did not send again within 5 minutes.");
    }

    /// <summary>Returns while the bot is sending (a delivery in the last 200 ms): the kill then lands mid-tick.</summary>
    private static async Task SendingAsync(SimulatorState simulator, CancellationToken cancellationToken)
    {
        while (simulator.GetDeliveries() is var all && (all.Count == 0 || Now() - all.Max(d => d.DeliveredAt) > TimeSpan.FromMilliseconds(200)))
        {
            await Task.Delay(20, cancellationToken);
        }
    }

    private static async Task WaitForEndAsync(CampaignStore campaigns, string campaignId, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(10))
        {
            var status = await campaigns.GetStatusAsync(Tenant, campaignId, cancellationToken);
            if (status is CampaignStatus.Completed or CampaignStatus.CompletedWithErrors)
            {
                return;
            }

            await Task.Delay(1000, cancellationToken);
        }

        Console.WriteLine("the campaign did not end within 10 minutes");
    }

    /// <summary>Duplicate deliveries, lost recipients (no delivery and not reported failed or unknown) and unknown ones.</summary>
    private static async Task<(int Duplicates, int Lost, int Unknown)> CountAsync(
        TargetStore targets, SimulatorState simulator, string campaignId, CancellationToken cancellationToken)
    {
        var delivered = simulator.GetDeliveries().GroupBy(d => d.ChatId).ToDictionary(g => g.Key, g => g.Count());
        int lost = 0, unknown = 0;
        await foreach (var target in targets.QueryAsync(Tenant, campaignId, cancellationToken: cancellationToken))
        {
            unknown += target.Status == TargetStatus.Unknown ? 1 : 0;
            var reached = target.Recipient.UserId is { } id && delivered.ContainsKey(id);
            lost += reached || target.Status is TargetStatus.Failed or TargetStatus.Unknown ? 0 : 1;
        }

        return (delivered.Values.Sum(n => n - 1), lost, unknown);
    }
}
