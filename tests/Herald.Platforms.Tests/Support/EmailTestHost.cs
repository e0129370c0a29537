using Herald.Core.Domain;
using Herald.Platforms.Abstractions;
using Herald.Platforms.Email;
using Herald.Simulator.Smtp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Herald.Platforms.Tests.Support;

/// <summary>The SMTP simulator on a free loopback port and the e-mail platform wired to it, sharing one manual clock.</summary>
internal sealed class EmailTestHost : IAsyncDisposable
{
    public const string Provider = "sim";
    public const string UnsubscribeSecret = "unsubscribe-secret-for-tests";
    public const string UnsubscribeUrl = "http://127.0.0.1:5080/unsubscribe/email";

    private EmailTestHost(SmtpSimulator smtp, ServiceProvider services, FakeTimeProvider clock)
    {
        Smtp = smtp;
        Services = services;
        Clock = clock;
    }

    public SmtpSimulator Smtp { get; }

    public SmtpSimulatorState Sim => Smtp.State;

    public ServiceProvider Services { get; }

    public FakeTimeProvider Clock { get; }

    public EmailPlatform Platform => Services.GetRequiredService<EmailPlatform>();

    public InMemorySecretStore Secrets => (InMemorySecretStore)Services.GetRequiredService<ISecretStore>();

    public static async Task<EmailTestHost> StartAsync(ITestOutputHelper output, SmtpScenario? scenario = null, Action<EmailProviderOptions>? provider = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var smtp = await SmtpSimulator.StartAsync(scenario, clock);
        var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(new LogCapture(output)).SetMinimumLevel(LogLevel.Debug))
            .AddSingleton<ISecretStore, InMemorySecretStore>()
            .AddSingleton<TimeProvider>(clock)
            .AddEmailPlatform(o =>
            {
                var p = new EmailProviderOptions { Host = "127.0.0.1", Port = smtp.Port, Security = EmailSecurity.None, WarmupShareByDay = [] };
                provider?.Invoke(p);
                o.Providers[Provider] = p;
                o.UnsubscribeUrl = UnsubscribeUrl;
                o.UnsubscribeSecret = UnsubscribeSecret;
                o.Timeout = TimeSpan.FromSeconds(10);
            })
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new EmailTestHost(smtp, services, clock);
    }

    /// <summary>An SMTP account whose credentials are in the secret store, registered now (its warm-up starts now).</summary>
    public async Task<PlatformAccount> AccountAsync(string user = "sender@herald.test", string password = "app-password")
    {
        var credentials = new EmailCredentials(Provider, user, password, user, "Herald Demo", Clock.GetUtcNow());
        var reference = await Secrets.SetAsync("tenant-1", "mail-" + user, credentials.ToSecret());
        return new PlatformAccount("tenant-1", "mail-" + user, AccountKind.User, reference);
    }

    public static PlatformAction Message(string email, string text, string? name = null) =>
        new(ActionKind.PersonalMessage, new Recipient(Username: email, Name: name), text, null, "key-" + email);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
