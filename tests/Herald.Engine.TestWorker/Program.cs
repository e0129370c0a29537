using System.Globalization;
using Herald.Core;
using Herald.Engine;
using Herald.Platforms.Abstractions;
using Herald.Testing.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Usage: Herald.Engine.TestWorker --storage CS --prefix P --journal FILE [--latency-ms N] [--lease-s N] [--visibility-s N] (the engine's defaults without them) [--concurrency N]
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i + 1 < args.Length; i += 2)
{
    options[args[i].TrimStart('-')] = args[i + 1];
}

int Int(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
builder.Services.AddHeraldStorage(o => o.ConnectionString = options["storage"]);
builder.Services.AddHeraldCore(new ConfigurationBuilder().Build());
builder.Services.AddSingleton<IPlatformAdapter>(new FakePlatform(journalPath: options["journal"]) { Latency = TimeSpan.FromMilliseconds(Int("latency-ms", 0)) });
builder.Services.AddHeraldEngine(configure: o =>
{
    o.NamePrefix = options["prefix"];
    o.LeaseDuration = options.ContainsKey("lease-s") ? TimeSpan.FromSeconds(Int("lease-s", 0)) : o.LeaseDuration;
    o.MessageVisibility = options.ContainsKey("visibility-s") ? TimeSpan.FromSeconds(Int("visibility-s", 0)) : o.MessageVisibility;
    o.SweepInterval = TimeSpan.FromSeconds(1);
    o.OverdueAfter = TimeSpan.FromSeconds(3);
    o.MaxPollInterval = TimeSpan.FromMilliseconds(200);
    o.IdlePoll = TimeSpan.FromSeconds(1);
    o.WorkerConcurrency = Int("concurrency", o.WorkerConcurrency);
});
builder.Services.AddHeraldWorkers();
using var host = builder.Build();
Console.WriteLine("worker started");
await host.RunAsync();
