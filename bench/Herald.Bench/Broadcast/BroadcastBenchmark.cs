using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Herald.Core;
using Herald.Core.Domain;
using Herald.Core.Limits;
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

namespace Herald.Bench.Broadcast;

/// <summary>
/// <c>broadcast</c>: one bot broadcast through the whole of Herald — the engine with its workers in this process over
/// Azurite, the real Telegram Bot API platform — against the simulator with Telegram's limits (30 messages/s per bot,
/// 1/s per chat, 20/min per group). Bots are registered through <see cref="AccountService"/> (tokens in an in-memory
/// secret store), then one campaign of distinct, reachable users. Measures what the simulator recorded: deliveries
/// divided by the time from the first delivery to the last, against the allowed <c>bots × 30</c> (<c>ratio</c>; the
/// same without the ramp-up and the tail: <c>ratio_steady</c>, see <see cref="BroadcastWindow"/>); 429 answers;
/// duplicate deliveries. Options: <c>--bots</c> (5), <c>--recipients</c> (20000), <c>--seconds</c> (stop measuring
/// after this long, default none), <c>--pipeline-claims 1</c> (<see cref="EngineOptions.PipelineClaims"/>),
/// <c>--task-hub</c> (the campaign orchestrations beside it: <see cref="BenchTaskHub"/>), <c>--paid N</c> (paid broadcasts:
/// every bot gets a paid rate of N messages/s, at most 1,000, and the campaign pays for them all; the simulator's bots
/// have Stars for every recipient; the allowed rate is then <c>bots × N</c>, and the JSON adds the paid counts),
/// <c>--connection-string</c> (else a private Azurite).
/// </summary>
internal sealed class BroadcastBenchmark : IBenchmark
{
    private const string Tenant = "bench";
    private const double BotMessagesPerSecond = 30;

    public string Name => "broadcast";

    public string Description => "bot broadcast through engine + Telegram platform against the simulator: --bots 5 --recipients 20000 [--seconds N]";

    public async Task<int> RunAsync(BenchArgs args, CancellationToken cancellationToken)
    {
        var botCount = args.Int("bots", 5);
        var recipientCount = args.Int("recipients", 20000);
        var seconds = args.Int("seconds", 0);
        var paidRate = args.Int("paid", 0);
        if (paidRate is < 0 or > TelegramBotOptions.MaxPaidMessagesPerSecond)
        {
            Console.Error.WriteLine($"--paid must be 0 (off) to {TelegramBotOptions.MaxPaidMessagesPerSecond} (Telegram's paid broadcast limit).");
            return 2;
        }

        await using var storage = await BenchStorage.OpenAsync(args, cancellationToken);
        var connectionString = storage.ConnectionString;
        // Paid: enough Stars for every recipient to go paid (0.1 each), so the balance never ends the run.
        var simulatorOptions = new SimulatorOptions { StarsBalance = paidRate > 0 ? (recipientCount * SimulatorOptions.StarsPerPaidMessage) + 1 : 0 };
        await using var simulator = await SimulatorHost.StartAsync(simulatorOptions, cancellationToken: cancellationToken);
        Console.WriteLine($"simulator on {simulator.BaseUri} (Telegram's limits{(paidRate > 0 ? ", paid broadcasts up to 1,000/s" : "")})");
        using var host = BuildHost(args, connectionString, simulator.BaseUri, args.Int("pipeline-claims", 0) != 0);
        await host.Services.GetRequiredService<EngineStorage>().EnsureCreatedAsync(cancellationToken);
        await host.StartAsync(cancellationToken);
        await BenchTaskHub.ReportAsync(host.Services, cancellationToken);
        try
        {
            return await RunCampaignAsync(host.Services, simulator, botCount, recipientCount, seconds, paidRate, cancellationToken);
        }
        finally
        {
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await host.StopAsync(stopping.Token);
        }
    }

    private static IHost BuildHost(BenchArgs args, string connectionString, Uri simulator, bool pipelineClaims)
    {
        var prefix = "bench" + string.Concat(Enumerable.Range(0, 8).Select(_ => (char)('a' + Random.Shared.Next(26))));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddHeraldStorage(o => o.ConnectionString = connectionString);
        builder.Services.AddHeraldCore(new ConfigurationBuilder().Build());
        builder.Services.AddSingleton<ISecretStore, InMemorySecretStore>();
        builder.Services.AddTelegramBotPlatform(o => o.BaseUrl = simulator.ToString());
        builder.Services.AddHeraldEngine(configure: o =>
        {
            o.NamePrefix = prefix;
            o.PipelineClaims = pipelineClaims;
        });
        builder.Services.AddHeraldWorkers();
        if (BenchTaskHub.Wanted(args))
        {
            BenchTaskHub.Add(builder, args, connectionString, prefix);
        }

        return builder.Build();
    }

    private static async Task<int> RunCampaignAsync(
        IServiceProvider services, RunningSimulator simulator, int botCount, int recipientCount, int seconds, int paidRate, CancellationToken cancellationToken)
    {
        var secrets = services.GetRequiredService<ISecretStore>();
        var accounts = services.GetRequiredService<AccountService>();
        Console.WriteLine($"registering {botCount} bots{(paidRate > 0 ? $" with a paid rate of {paidRate}/s" : "")}...");
        var paying = new List<string>();
        for (var i = 0; i < botCount; i++)
        {
            var token = string.Create(CultureInfo.InvariantCulture, $"{700_000_001 + i}:bench-token-{i:D3}");
            var reference = await secrets.SetAsync(Tenant, $"bot{i:D3}", token, cancellationToken);
            var overrides = paidRate > 0 ? new LimitOverrides(PaidRequestsPerSecond: paidRate) : null;
            var row = await accounts.RegisterAsync(new NewAccount(Tenant, null, PlatformKind.Telegram, AccountKind.Bot, reference, $"bot{i:D3}", overrides), cancellationToken);
            paying.Add(row!.AccountId);
        }

        var recipients = Enumerable.Range(0, recipientCount).Select(i => new Recipient(UserId: 1_000_000 + i)).ToList();
        Console.WriteLine($"creating a campaign of {recipientCount} recipients...");
        var created = Stopwatch.StartNew();
        var campaign = await services.GetRequiredService<CampaignService>().CreateAsync(new NewCampaign(
            new Campaign(Tenant, "", PlatformKind.Telegram, [ActionKind.BotMessage], CampaignSchedule.Always, MessageTemplate: "Hello from the broadcast benchmark",
                PaidBroadcastAccounts: paidRate > 0 ? paying : null),
            recipients), cancellationToken: cancellationToken);
        Console.WriteLine($"created in {created.Elapsed.TotalSeconds:F1}s ({campaign.Shards} shards); running...");

        var completed = await WatchAsync(services.GetRequiredService<CampaignStore>(), simulator.State, campaign.Id, seconds, cancellationToken);
        if (completed)
        {
            await BenchTaskHub.WaitForOrchestrationAsync(services, Tenant, campaign.Id, cancellationToken);
        }
        var stats = simulator.State.GetStats();
        var deliveries = simulator.State.GetDeliveries();
        foreach (var bot in stats.Bots)
        {
            var own = deliveries.Where(d => d.BotId == bot.BotId).ToList();
            // Sends are spaced 33.4 ms apart: a longer gap between two deliveries of one bot is time the bot could have sent.
            var gaps = own.Zip(own.Skip(1), (a, b) => (b.DeliveredAt - a.DeliveredAt).TotalMilliseconds).Where(g => g > 50).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"bot {bot.BotId}: {bot.Delivered} delivered, {BroadcastWindow.Measure(own).Overall:F2} msg/s, {bot.RateLimited} x 429; {gaps.Count} gaps over 50 ms, {gaps.Sum() / 1000:F1} s in all ({Histogram(gaps)})"));
        }

        var window = BroadcastWindow.Measure(deliveries);
        var achieved = window.Overall;
        var allowed = botCount * (paidRate > 0 ? paidRate : BotMessagesPerSecond);
        var paidCounted = await services.GetRequiredService<CampaignStatusReader>().PaidAsync(campaign, cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(completed ? "completed" : "stopped")}: {stats.Totals.Delivered} delivered, {stats.Totals.RateLimited} x 429, {stats.Totals.Duplicates} duplicates, {stats.Totals.MultiMessageChats} chats with more than one message"));
        var paidSeen = paidRate > 0 ? $", {stats.Totals.PaidDelivered} paid ({paidCounted} counted by Herald)" : "";
        Console.WriteLine($"paid broadcasts: {(paidRate > 0 ? $"on, {paidRate}/s per bot" : "off")}{paidSeen}");
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, double>
        {
            ["achieved_msg_per_s"] = Math.Round(achieved, 2),
            ["allowed_msg_per_s"] = allowed,
            ["ratio"] = Math.Round(achieved / allowed, 4),
            ["ratio_steady"] = Math.Round(window.Steady / allowed, 4),
            ["ramp_s"] = Math.Round(window.RampSeconds, 2),
            ["tail_s"] = Math.Round(window.TailSeconds, 2),
            ["http_429"] = stats.Totals.RateLimited,
            ["duplicates"] = stats.Totals.Duplicates,
            ["paid_rate_per_bot"] = paidRate,
            ["paid"] = stats.Totals.PaidDelivered,
            ["paid_counted"] = paidCounted,
            ["stars_spent"] = Math.Round(stats.Totals.PaidDelivered * SimulatorOptions.StarsPerPaidMessage, 1),
        }));
        var complete = completed || seconds > 0;
        return complete && stats.Totals.RateLimited == 0 && stats.Totals.Duplicates == 0 && (!completed || paidCounted == stats.Totals.PaidDelivered) ? 0 : 1;
    }

    /// <summary>Gaps by length: the many short ones are slow storage between two sends, the few long ones tick ends.</summary>
    private static string Histogram(List<double> gaps)
    {
        double[] bounds = [100, 200, 500, double.MaxValue];
        var lower = 50.0;
        var parts = new List<string>();
        foreach (var upper in bounds)
        {
            var inside = gaps.Where(g => g > lower && g <= upper).ToList();
            var label = upper == double.MaxValue ? $">{lower:F0}" : $"{lower:F0}-{upper:F0}";
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{label} ms: {inside.Count} = {inside.Sum() / 1000:F1} s"));
            lower = upper;
        }

        return string.Join("; ", parts);
    }

    /// <summary>Prints progress every 2 s until the campaign ends (true) or the time cap or 30 minutes pass (false).</summary>
    private static async Task<bool> WatchAsync(CampaignStore store, SimulatorState simulator, string campaignId, int seconds, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var cap = seconds > 0 ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromMinutes(30);
        long previous = 0;
        var previousAt = TimeSpan.Zero;
        while (true)
        {
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            var row = await store.GetAsync(Tenant, campaignId, cancellationToken);
            var totals = simulator.GetStats().Totals;
            var now = clock.Elapsed;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {now.TotalSeconds,6:F1}s  {totals.Delivered,7} delivered  {(totals.Delivered - previous) / (now - previousAt).TotalSeconds,7:F1} msg/s  {totals.RateLimited} x 429  {row!.Status}"));
            previous = totals.Delivered;
            previousAt = now;
            if (row.Status is CampaignStatus.Completed or CampaignStatus.CompletedWithErrors)
            {
                return true;
            }

            if (now >= cap)
            {
                if (seconds <= 0)
                {
                    Console.WriteLine("gave up after 30 minutes");
                }

                return false;
            }
        }
    }
}
