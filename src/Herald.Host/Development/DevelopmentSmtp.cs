using System.Security.Cryptography;
using Herald.Host.Apis;
using Herald.Platforms.Email;
using Herald.Simulator.Smtp;

namespace Herald.Host.Development;

/// <summary>
/// The SMTP simulator on a free loopback port, started with the other simulators, and the e-mail provider
/// <c>simulator</c> pointing at it (no TLS, no warm-up, 300 a day), with one-click unsubscribe links back to this host
/// (a per-process secret unless one is configured).
/// </summary>
public sealed class DevelopmentSmtp(ILogger<DevelopmentSmtp> logger) : OnDemandDependency<SmtpSimulator>
{
    /// <summary>The provider name accounts use in Development.</summary>
    public const string Provider = "simulator";

    /// <inheritdoc />
    public override string Name => "smtp-simulator";

    /// <summary>The running server; starts it if needed (blocking).</summary>
    public SmtpSimulator Running => GetAsync().GetAwaiter().GetResult();

    /// <summary>Adds the <c>simulator</c> provider and the unsubscribe link to <paramref name="options"/>.</summary>
    public void Configure(EmailOptions options, string? hostUrl)
    {
        options.Providers.TryAdd(Provider, new EmailProviderOptions { Host = "127.0.0.1", Port = Running.Port, Security = EmailSecurity.None, WarmupShareByDay = [] });
        if (options.UnsubscribeUrl is null && hostUrl is { Length: > 0 } && Uri.TryCreate(hostUrl, UriKind.Absolute, out var host))
        {
            options.UnsubscribeUrl = new Uri(host, EmailApi.UnsubscribePath).ToString();
            options.UnsubscribeSecret ??= RandomNumberGenerator.GetHexString(32);
        }
    }

    /// <inheritdoc />
    protected override async Task<SmtpSimulator> StartResourceAsync(CancellationToken cancellationToken)
    {
        var smtp = await SmtpSimulator.StartAsync();
        Log.SmtpSimulatorListening(logger, smtp.Port);
        return smtp;
    }

    /// <inheritdoc />
    protected override Task StopResourceAsync(SmtpSimulator resource, CancellationToken cancellationToken) => resource.DisposeAsync().AsTask();
}
