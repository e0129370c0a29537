using Herald.Core.Domain;
using Herald.Platforms.Abstractions;
using Herald.Platforms.WhatsAppCloud;
using Herald.Simulator;
using Herald.Simulator.WhatsApp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Herald.Platforms.Tests.Support;

/// <summary>A simulator on a free loopback port and the WhatsApp Cloud API platform wired to it (one clock, the system's by default).</summary>
internal sealed class WhatsAppTestHost : IAsyncDisposable
{
    public const string PhoneNumberId = "106540352242922";
    public const string AccessToken = "EAAG-sim-access-token";

    private WhatsAppTestHost(RunningSimulator simulator, ServiceProvider services)
    {
        Simulator = simulator;
        Services = services;
    }

    public RunningSimulator Simulator { get; }

    public WhatsAppCloudState Sim => Simulator.WhatsApp;

    public ServiceProvider Services { get; }

    public WhatsAppCloudPlatform Platform => Services.GetRequiredService<WhatsAppCloudPlatform>();

    public InMemorySecretStore Secrets => (InMemorySecretStore)Services.GetRequiredService<ISecretStore>();

    public static async Task<WhatsAppTestHost> StartAsync(
        ITestOutputHelper output, Action<WhatsAppScenario>? scenario = null, Action<WhatsAppCloudOptions>? configure = null, TimeProvider? clock = null)
    {
        var sim = await SimulatorHost.StartAsync(timeProvider: clock);
        sim.WhatsApp.Configure(s =>
        {
            s.WindowAlwaysOpen = true;
            s.PerRecipientInterval = TimeSpan.Zero;
            scenario?.Invoke(s);
        });
        var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(new LogCapture(output)).SetMinimumLevel(LogLevel.Debug))
            .AddSingleton<ISecretStore, InMemorySecretStore>()
            .AddSingleton(clock ?? TimeProvider.System)
            .AddWhatsAppCloudPlatform(o =>
            {
                o.BaseUrl = sim.BaseUri.ToString();
                configure?.Invoke(o);
            })
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new WhatsAppTestHost(sim, services);
    }

    /// <summary>A number whose credentials are in the secret store.</summary>
    public async Task<PlatformAccount> NumberAsync(string phoneNumberId = PhoneNumberId, string token = AccessToken)
    {
        var reference = await Secrets.SetAsync("tenant-1", "wa-" + phoneNumberId, new WhatsAppCredentials(phoneNumberId, token).ToSecret());
        return new PlatformAccount("tenant-1", "wa-" + phoneNumberId, AccountKind.Bot, reference);
    }

    public static PlatformAction Message(string phone, string text, string? name = null, IReadOnlyDictionary<string, string>? fields = null) =>
        new(ActionKind.BotMessage, new Recipient(Phone: phone, Name: name, Fields: fields), text, null, "key-" + phone);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
