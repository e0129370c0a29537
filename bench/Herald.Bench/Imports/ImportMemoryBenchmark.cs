using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Herald.Core.Imports;
using Herald.Core.Phones;
using Herald.Testing.Imports;

namespace Herald.Bench.Imports;

/// <summary>
/// <c>imports</c>: how far one upload raises the process's peak memory above its steady state. Each case runs in a
/// child process of its own (this program again, with <c>--case</c>): it builds the upload, settles (full GC), reads
/// its working set, imports the upload from a stream with the default limits, and reports the kernel's peak working
/// set (no sampling), the managed bytes the result itself holds, and the managed bytes allocated. The import streams
/// its recipients to a sink that only counts them, as the host's streams them to storage a batch at a time. Cases: a zip bomb (a sheet of <c>--bomb-mb</c> MiB, deflated to
/// a few hundred KB), and CSV, JSON and XLSX lists near the 20 MiB and 100,000-row limits.
/// </summary>
internal sealed class ImportMemoryBenchmark : IBenchmark
{
    private static readonly string[] Cases = ["xlsx_bomb", "csv_20mib", "json_20mib", "xlsx_100k_rows"];

    public string Name => "imports";

    public string Description => "peak memory of one upload above steady state, per format, each in its own process [--bomb-mb 300]";

    public async Task<int> RunAsync(BenchArgs args, CancellationToken cancellationToken)
    {
        if (args.String("case") is { } only)
        {
            return await RunCaseAsync(only, args.Int("bomb-mb", 300), cancellationToken);
        }

        var results = new Dictionary<string, object>();
        foreach (var name in Cases)
        {
            var line = await RunChildAsync(name, args.Int("bomb-mb", 300), cancellationToken);
            Console.WriteLine($"{name}: {line}");
            using var json = JsonDocument.Parse(line);
            results[$"{name}_peak_mb"] = json.RootElement.GetProperty("peak_mb").GetDouble();
            results[$"{name}_outcome"] = json.RootElement.GetProperty("outcome").GetString()!;
        }

        var peak = Cases.Max(c => (double)results[$"{c}_peak_mb"]);
        results["max_peak_mb"] = peak;
        results["within_64_mb"] = peak <= 64;
        Console.WriteLine(JsonSerializer.Serialize(results));
        return 0;
    }

    private static async Task<string> RunChildAsync(string name, int bombMb, CancellationToken cancellationToken)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (!Path.GetFileNameWithoutExtension(self).Equals("Herald.Bench", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(ImportMemoryBenchmark).Assembly.Location);
        }

        foreach (var arg in new[] { "imports", "--case", name, "--bomb-mb", bombMb.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync(cancellationToken);
        await child.WaitForExitAsync(cancellationToken);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
    }

    private static async Task<int> RunCaseAsync(string name, int bombMb, CancellationToken cancellationToken)
    {
        var upload = name switch
        {
            "xlsx_bomb" => RawXlsx.Bomb(bombMb * 1024L * 1024),
            "csv_20mib" => Encoding.UTF8.GetBytes(Csv(100_000)),
            "json_20mib" => Encoding.UTF8.GetBytes(Json(100_000)),
            "xlsx_100k_rows" => RawXlsx.Workbook(("List", [["phone", "name", "promo", "notes"], .. Enumerable.Range(0, 100_000).Select(Row)])),
            _ => throw new ArgumentException($"No case {name}.", nameof(name)),
        };
        var importer = new RecipientImporter(new PhoneNormalizer(new PhoneNormalizerOptions()), TimeProvider.System);
        await importer.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes("phone\n+4915112345678\n")), ImportFormat.Csv, cancellationToken: cancellationToken);

        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var steady = self.WorkingSet64;
        var steadyHeap = GC.GetTotalMemory(forceFullCollection: true);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var sink = new CountingSink();
        var result = await importer.ImportAsync(new MemoryStream(upload, writable: false), ImportFormat.Auto, sink, cancellationToken: cancellationToken);
        clock.Stop();
        self.Refresh();
        var peak = Math.Max(0, self.PeakWorkingSet64 - steady);
        var heldByResult = GC.GetTotalMemory(forceFullCollection: true) - steadyHeap;
        GC.KeepAlive(result);

        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["upload_kb"] = upload.Length / 1024,
            ["outcome"] = result.Error?.Code ?? $"{sink.Count} recipients",
            ["peak_mb"] = Math.Round(peak / 1048576.0, 1),
            ["result_mb"] = Math.Round(heldByResult / 1048576.0, 1),
            ["allocated_mb"] = Math.Round((GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0, 1),
            ["wall_s"] = Math.Round(clock.Elapsed.TotalSeconds, 2),
        }));
        return 0;
    }

    private static string[] Row(int i) =>
        [$"+49151{i:D8}", $"Recipient number {i}", $"PROMO-{i % 977:D4}", "Met at the spring fair and asked for the catalogue and a call back after the holidays, prefers mornings."];

    private static string Csv(int rows)
    {
        var text = new StringBuilder("phone,name,promo,notes\n");
        for (var i = 0; i < rows; i++)
        {
            text.AppendJoin(',', Row(i)).Append('\n');
        }

        return text.ToString();
    }

    private static string Json(int rows)
    {
        var text = new StringBuilder("[");
        for (var i = 0; i < rows; i++)
        {
            var r = Row(i);
            text.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $"{{\"phone\":\"{r[0]}\",\"name\":\"{r[1]}\",\"promo\":\"{r[2]}\",\"notes\":\"{r[3]}\"}}\n");
        }

        return text.Append(']').ToString();
    }

    private sealed class CountingSink : IRecipientSink
    {
        public int Count { get; private set; }

        public Task WriteAsync(IReadOnlyList<Herald.Core.Domain.Recipient> recipients, CancellationToken cancellationToken = default)
        {
            Count += recipients.Count;
            return Task.CompletedTask;
        }
    }
}
