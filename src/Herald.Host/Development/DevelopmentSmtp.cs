using System.Security.Cryptography;
using Herald.Host.Apis;
using Herald.Platforms.Email;
using System.Net;
using Herald.Simulator.Dns;
using Herald.Simulator.Smtp;

namespace Herald.Host.Development;

/// <summary>
/// The SMTP simulator on a free loopback port, started with the other simulators, and the e-mail provider
/// <c>simulator</c> pointing at it (no TLS, no warm-up, 300 a day), with one-click unsubscribe links back to this host
/// (a per-process secret unless one is configured). Address validation asks a loopback DNS answerer (MX for
/// <see cref="Domains"/>), never the machine's resolvers, unless DNS servers are configured.
/// </summary>
public sealed class DevelopmentSmtp(ILogger<DevelopmentSmtp> logger) : OnDemandDependency<DevelopmentMail>
{
    /// <summary>The provider name accounts use in Development.</summary>
    public const string Provider = "simulator";

    /// <inheritdoc />
    public override string Name => "smtp-simulator";

    /// <summary>The domains the development DNS answerer knows (each with an MX on 127.0.0.1).</summary>
    public static IReadOnlyList<string> Domains { get; } = ["example.org", "example.com", "herald.test"];

    /// <summary>The running servers; starts them if needed (blocking).</summary>
    public DevelopmentMail Running => GetAsync().GetAwaiter().GetResult();

    /// <summary>Adds the <c>simulator</c> provider and the unsubscribe link to <paramref name="options"/>.</summary>
    public void Configure(EmailOptions options, string? hostUrl)
    {
        options.Providers.TryAdd(Provider, new EmailProviderOptions { Host = "127.0.0.1", Port = Running.Smtp.Port, Security = EmailSecurity.None, WarmupShareByDay = [] });
        if (options.Validation.DnsServers.Count == 0)
        {
            options.Validation.DnsServers = [Running.Dns.Endpoint];
        }

        if (options.UnsubscribeUrl is null && hostUrl is { Length: > 0 } && Uri.TryCreate(hostUrl, UriKind.Absolute, out var host))
        {
            options.UnsubscribeUrl = new Uri(host, EmailApi.UnsubscribePath).ToString();
            options.UnsubscribeSecret ??= RandomNumberGenerator.GetHexString(32);
        }
    }

    /// <inheritdoc />
    protected override async Task<DevelopmentMail> StartResourceAsync(CancellationToken cancellationToken)
    {
        var smtp = await SmtpSimulator.StartAsync();
        var dns = DnsAnswerer.Start();
        dns.A["mx.simulator.test"] = IPAddress.Loopback;
        foreach (var domain in Domains)
        {
            dns.Mx[domain] = [(10, "mx.simulator.test")];
        }

        Log.SmtpSimulatorListening(logger, smtp.Port);
        return new DevelopmentMail(smtp, dns);
    }

    /// <inheritdoc />
    protected override async Task StopResourceAsync(DevelopmentMail resource, CancellationToken cancellationToken)
    {
        await resource.Smtp.DisposeAsync();
        await resource.Dns.DisposeAsync();
    }
}

/// <summary>The development mail servers: SMTP and the DNS answerer for address validation.</summary>
/// <param name="Smtp">The SMTP simulator.</param>
/// <param name="Dns">The DNS answerer.</param>
public sealed record DevelopmentMail(SmtpSimulator Smtp, DnsAnswerer Dns);
