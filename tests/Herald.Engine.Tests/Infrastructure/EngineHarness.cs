using Herald.Core;
using Herald.Core.Domain;
using Herald.Engine.Accounts;
using Herald.Engine.Campaigns;
using Herald.Engine.Model;
using Herald.Engine.Persistence;
using Herald.Platforms.Abstractions;
using Herald.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Herald.Engine.Tests.Infrastructure;

/// <summary>
/// The engine in this process, over real Azurite, with a fake platform: its services, and
/// optionally its workers. Each harness has its own table and queue names.
/// </summary>
public sealed class EngineHarness : IAsyncDisposable
{
    private readonly IHost _host;

    private EngineHarness(IHost host, string prefix)
    {
        _host = host;
        Prefix = prefix;
    }

    public string Prefix { get; }

    public IServiceProvider Services => _host.Services;

    public CampaignService Campaigns => Services.GetRequiredService<CampaignService>();

    public AccountService Accounts => Services.GetRequiredService<AccountService>();

    public CampaignStatusReader Status => Services.GetRequiredService<CampaignStatusReader>();

    public TargetStore Targets => Services.GetRequiredService<TargetStore>();

    public static string NewPrefix() => "t" + string.Concat(Enumerable.Range(0, 10).Select(_ => (char)('a' + Random.Shared.Next(26))));

    /// <summary>Test settings: short leases and sweeps so recovery shows within seconds.</summary>
    public static void FastOptions(EngineOptions o)
    {
        o.LeaseDuration = TimeSpan.FromSeconds(8);
        o.MessageVisibility = TimeSpan.FromSeconds(4);
        o.SweepInterval = TimeSpan.FromSeconds(1);
        o.OverdueAfter = TimeSpan.FromSeconds(3);
        o.MaxPollInterval = TimeSpan.FromMilliseconds(200);
        o.IdlePoll = TimeSpan.FromSeconds(1);
        // Short bot ticks and batches, so a test sees several ticks (status written, work shared across bots).
        o.MaxBotTickDuration = TimeSpan.FromSeconds(2);
        o.MaxBotSendWindow = TimeSpan.FromSeconds(2);
    }

    public static async Task<EngineHarness> StartAsync(
        AzuriteFixture azurite,
        IPlatformAdapter platform,
        ITestOutputHelper? output,
        bool workers = true,
        string? prefix = null,
        Action<EngineOptions>? configure = null,
        ISingleMessagePlatform? singleMessages = null,
        Action<IServiceCollection>? services = null)
    {
        prefix ??= NewPrefix();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        if (output is not null)
        {
            builder.Logging.AddProvider(new TestOutputLoggerProvider(output));
            builder.Logging.SetMinimumLevel(LogLevel.Information);
        }

        // First, so a test's own storage clients (a request counter) win over the defaults.
        services?.Invoke(builder.Services);
        builder.Services.AddHeraldStorage(o => o.ConnectionString = azurite.ConnectionString);
        builder.Services.AddHeraldCore(new ConfigurationBuilder().Build());
        builder.Services.AddSingleton(platform);
        if (singleMessages is not null)
        {
            builder.Services.AddSingleton(singleMessages);
        }
        builder.Services.AddHeraldEngine(configure: o =>
        {
            FastOptions(o);
            o.NamePrefix = prefix;
            configure?.Invoke(o);
        });
        if (workers)
        {
            builder.Services.AddHeraldWorkers();
        }

        var host = builder.Build();
        await host.Services.GetRequiredService<EngineStorage>().EnsureCreatedAsync();
        await host.StartAsync();
        return new EngineHarness(host, prefix);
    }

    public async Task<List<string>> RegisterBotsAsync(string tenant, int count, PlatformKind platform = PlatformKind.Telegram)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var row = await Accounts.RegisterAsync(new NewAccount(tenant, $"bot{i:D3}", platform, AccountKind.Bot, $"secret-ref-{i}"));
            ids.Add(row!.AccountId);
        }

        return ids;
    }

    public static IReadOnlyList<Recipient> Recipients(int count, int offset = 0) =>
        [.. Enumerable.Range(offset, count).Select(i => new Recipient(UserId: 100_000 + i, Name: $"User {i}"))];

    public static Campaign Broadcast(string tenant, string text = "Hello {{name}}", DeliveryMode delivery = DeliveryMode.AtMostOnce, CampaignSchedule? schedule = null, bool dryRun = false, int priority = 0) =>
        new(tenant, "", PlatformKind.Telegram, [ActionKind.BotMessage], schedule ?? CampaignSchedule.Always, priority, delivery, dryRun, MessageTemplate: text);

    /// <summary>Polls the status until <paramref name="until"/> holds; fails with the last status when it does not in time.</summary>
    public async Task<CampaignStatusView> WaitForAsync(string tenant, string campaignId, Func<CampaignStatusView, bool> until, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        CampaignStatusView? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = await Status.GetAsync(tenant, campaignId);
            if (last is not null && until(last))
            {
                return last;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Campaign {campaignId} did not reach the expected state in {timeout}; last: status={last?.Status} processed={last?.Processed}/{last?.Total} done={last?.Counts.Done} failed={last?.Counts.Failed} unknown={last?.Counts.Unknown}");
    }

    public async Task<List<TargetRecord>> AllTargetsAsync(string tenant, string campaignId)
    {
        var list = new List<TargetRecord>();
        await foreach (var t in Targets.QueryAsync(tenant, campaignId))
        {
            list.Add(t);
        }

        return list;
    }

    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _host.StopAsync(cts.Token);
        _host.Dispose();
    }
}
