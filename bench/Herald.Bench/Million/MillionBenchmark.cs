extern alias host;

using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Herald.Core;
using Herald.Core.Domain;
using Herald.Core.Imports;
using Herald.Core.Phones;
using Herald.Engine;
using Herald.Engine.Accounts;
using Herald.Engine.Campaigns;
using Herald.Engine.Orchestrations;
using Herald.Engine.Persistence;
using Herald.Platforms.Abstractions;
using Herald.Testing.Fakes;
using host::Herald.Host.Hosting.Durable;
using host::Herald.Host.Imports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Herald.Bench.Million;

/// <summary>
/// <c>million</c>: one list of <c>--recipients</c> (1,000,000) through the host's own parts on Azurite (issue 16). A CSV
/// of user ids is generated to a temporary file and imported as an upload is (spooled, parsed twice by the streaming
/// importer, stored a piece at a time); a bot campaign is created from the import as a large one is (answered at once,
/// preparing), and its Durable orchestration writes the targets in chunks (<c>--chunk</c>, default the host's, and
/// <c>--chunks-at-once</c>) while the campaign's status is read over and over; the fake platform records the first send.
/// Prints <c>import_rows_per_s</c> (upload to stored), <c>parse_rows_per_s</c> (the importer alone),
/// <c>prepare_targets_per_s</c>, <c>create_to_first_send_ms</c>, <c>status_read_p99_ms</c> and <c>host_peak_mb</c> (this
/// process's peak working set: it is the host). Stops the campaign after its first sends.
/// </summary>
internal sealed class MillionBenchmark : IBenchmark
{
    private const string Tenant = "bench";

    public string Name => "million";

    public string Description => "a million-recipient import and campaign: import rows/s, prepare targets/s, first send, status p99, peak MB [--recipients 1000000 --chunk 5000 --chunks-at-once 4]";

    public async Task<int> RunAsync(BenchArgs args, CancellationToken cancellationToken)
    {
        var count = args.Int("recipients", 1_000_000);
        await using var storage = await BenchStorage.OpenAsync(args, cancellationToken);
        var prefix = "bench" + string.Concat(Enumerable.Range(0, 8).Select(_ => (char)('a' + Random.Shared.Next(26))));
        var platform = new FakePlatform();
        using var app = Build(storage.ConnectionString, prefix, platform, args);
        await app.Services.GetRequiredService<EngineStorage>().EnsureCreatedAsync(cancellationToken);
        await app.StartAsync(cancellationToken);
        var importer = new RecipientImporter(new PhoneNormalizer(new PhoneNormalizerOptions()), TimeProvider.System);
        var options = new ImportOptions { MaxRows = Math.Max(count, ImportOptions.DefaultMaxRows), MaxBytes = long.MaxValue, FileName = "million.csv" };

        var file = Path.Combine(Path.GetTempPath(), $"herald-million-{Guid.NewGuid():N}.csv");
        try
        {
            await app.Services.GetRequiredService<AccountService>().RegisterAsync(new NewAccount(Tenant, "bot0001", PlatformKind.Telegram, AccountKind.Bot, "ref1"), cancellationToken);
            await WarmUpAsync(app.Services, importer, options, file, platform, cancellationToken);

            var bytes = await WriteCsvAsync(file, count, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {count} rows ({bytes / 1024.0 / 1024:F1} MiB)"));

            var parseClock = Stopwatch.StartNew();
            await using (var parsed = OpenRead(file))
            {
                await importer.ImportAsync(parsed, ImportFormat.Csv, new CountingSink(), options, cancellationToken);
            }

            var parseRate = count / parseClock.Elapsed.TotalSeconds;
            var imports = app.Services.GetRequiredService<ImportStore>();
            var importClock = Stopwatch.StartNew();
            ImportRecord import;
            await using (var upload = OpenRead(file))
            {
                var writer = await imports.BeginAsync(Tenant, cancellationToken);
                var result = await importer.ImportAsync(upload, ImportFormat.Csv, writer, options, cancellationToken);
                import = await writer.CompleteAsync(result, cancellationToken);
            }

            var importRate = count / importClock.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"imported {import.Source.RecipientCount} recipients in {importClock.Elapsed.TotalSeconds:F1}s ({importRate:F0} rows/s; parsing alone {parseRate:F0} rows/s)"));

            var calls = platform.Calls.Count;
            var campaigns = app.Services.GetRequiredService<CampaignService>();
            var createClock = Stopwatch.StartNew();
            var campaign = await campaigns.CreatePreparingAsync(
                new NewCampaign(new Campaign(Tenant, "", PlatformKind.Telegram, [ActionKind.BotMessage], CampaignSchedule.Always, MessageTemplate: "Hi"), [], RecipientCount: import.Source.RecipientCount),
                import.Id,
                cancellationToken);
            var answered = createClock.Elapsed;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"campaign {campaign.Id} answered in {answered.TotalMilliseconds:F0} ms ({campaign.WireStatus})"));

            var (prepared, firstSend, reads) = await WatchAsync(app.Services, platform, calls, campaign.Id, createClock, cancellationToken);
            await campaigns.CancelAsync(Tenant, campaign.Id, cancellationToken);
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await app.StopAsync(stopping.Token);

            var sorted = reads.Order().ToArray();
            var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"prepared in {prepared.TotalSeconds:F1}s; first send {firstSend.TotalMilliseconds:F0} ms after the create call; {sorted.Length} status reads, p50 {Percentile(sorted, 0.5):F1} ms"));
            Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, double>
            {
                ["recipients"] = count,
                ["import_rows_per_s"] = Math.Round(importRate),
                ["parse_rows_per_s"] = Math.Round(parseRate),
                ["prepare_targets_per_s"] = Math.Round(import.Source.RecipientCount / prepared.TotalSeconds),
                ["create_answer_ms"] = Math.Round(answered.TotalMilliseconds, 1),
                ["create_to_first_send_ms"] = Math.Round(firstSend.TotalMilliseconds),
                ["status_read_p99_ms"] = Math.Round(Percentile(sorted, 0.99), 1),
                ["host_peak_mb"] = Math.Round(peakMb),
            }));
            return 0;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static IHost Build(string connectionString, string prefix, FakePlatform platform, BenchArgs args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        var settings = new Dictionary<string, string?> { [$"{DurableOptions.SectionName}:TaskHubName"] = prefix };
        if (args.String("chunk") is { } chunk)
        {
            settings[$"{DurableOptions.SectionName}:PrepareChunk"] = chunk;
        }

        if (args.String("chunks-at-once") is { } atOnce)
        {
            settings[$"{DurableOptions.SectionName}:ChunksAtOnce"] = atOnce;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddHeraldStorage(o => o.ConnectionString = connectionString);
        builder.Services.AddHeraldCore(new ConfigurationBuilder().Build());
        builder.Services.AddSingleton<IPlatformAdapter>(platform);
        builder.Services.AddHeraldEngine(configure: o =>
        {
            o.NamePrefix = prefix;
            o.MaxPollInterval = TimeSpan.FromMilliseconds(100);
        });
        builder.Services.AddHeraldWorkers();
        builder.Services.TryAddSingleton<ImportStore>();
        builder.Services.AddHeraldDurable(builder.Configuration, runWorker: true);
        return builder.Build();
    }

    /// <summary>
    /// The same path once over a small list (import, a preparing campaign, its first send, then cancelled), so the
    /// figures are of a warm host: compiled code, the task hub's partitions owned, the tables there.
    /// </summary>
    private static async Task WarmUpAsync(IServiceProvider services, RecipientImporter importer, ImportOptions options, string file, FakePlatform platform, CancellationToken cancellationToken)
    {
        Console.WriteLine("warming up...");
        await WriteCsvAsync(file, 200, cancellationToken);
        var imports = services.GetRequiredService<ImportStore>();
        ImportRecord import;
        await using (var upload = OpenRead(file))
        {
            var writer = await imports.BeginAsync(Tenant, cancellationToken);
            import = await writer.CompleteAsync(await importer.ImportAsync(upload, ImportFormat.Csv, writer, options, cancellationToken), cancellationToken);
        }

        var campaigns = services.GetRequiredService<CampaignService>();
        var campaign = await campaigns.CreatePreparingAsync(
            new NewCampaign(new Campaign(Tenant, "", PlatformKind.Telegram, [ActionKind.BotMessage], CampaignSchedule.Always, MessageTemplate: "Warm"), [], RecipientCount: 200),
            import.Id,
            cancellationToken);
        var clock = Stopwatch.StartNew();
        while (platform.Calls.Count == 0 && clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            await services.GetRequiredService<CampaignStatusReader>().GetAsync(Tenant, campaign.Id, cancellationToken);
            await Task.Delay(100, cancellationToken);
        }

        await campaigns.CancelAsync(Tenant, campaign.Id, cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm after {clock.Elapsed.TotalSeconds:F1}s"));
    }

    /// <summary>Reads the status again and again until the targets are written and the first send happened (or 15 minutes).</summary>
    private static async Task<(TimeSpan Prepared, TimeSpan FirstSend, List<double> Reads)> WatchAsync(
        IServiceProvider services, FakePlatform platform, int callsBefore, string campaignId, Stopwatch clock, CancellationToken cancellationToken)
    {
        var reader = services.GetRequiredService<CampaignStatusReader>();
        var reads = new List<double>();
        TimeSpan? prepared = null;
        TimeSpan? firstSend = null;
        var lastPrint = TimeSpan.Zero;
        while ((prepared is null || firstSend is null) && clock.Elapsed < TimeSpan.FromMinutes(15))
        {
            var read = Stopwatch.StartNew();
            var status = await reader.GetAsync(Tenant, campaignId, cancellationToken);
            reads.Add(read.Elapsed.TotalMilliseconds);
            if (status is { Prepared: null } && prepared is null)
            {
                prepared = clock.Elapsed;
            }

            if (firstSend is null && platform.Calls.Count > callsBefore)
            {
                firstSend = clock.Elapsed;
            }

            if (clock.Elapsed - lastPrint > TimeSpan.FromSeconds(5))
            {
                lastPrint = clock.Elapsed;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {clock.Elapsed.TotalSeconds,6:F1}s  {status?.Status} prepared {status?.Prepared?.ToString(CultureInfo.InvariantCulture) ?? "all"}"));
            }

            await Task.Delay(50, cancellationToken);
        }

        return (prepared ?? clock.Elapsed, firstSend ?? clock.Elapsed, reads);
    }

    private static async Task<long> WriteCsvAsync(string path, int count, CancellationToken cancellationToken)
    {
        await using var file = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 16);
        await file.WriteAsync("user_id,name\n".AsMemory(), cancellationToken);
        var line = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            line.Clear().Append(100_000_000 + i).Append(",Recipient ").Append(i).Append('\n');
            await file.WriteAsync(line, cancellationToken);
        }

        await file.FlushAsync(cancellationToken);
        return file.BaseStream.Length;
    }

    private static FileStream OpenRead(string path) => new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private sealed class CountingSink : IRecipientSink
    {
        public int Count { get; private set; }

        public Task WriteAsync(IReadOnlyList<Recipient> recipients, CancellationToken cancellationToken = default)
        {
            Count += recipients.Count;
            return Task.CompletedTask;
        }
    }
}
