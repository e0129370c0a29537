using Herald.Platforms.Abstractions;

namespace Herald.Platforms.Email;

/// <summary>
/// Settings of the e-mail platform (bound from <c>Herald:Platforms:Email</c>): the SMTP providers accounts belong to,
/// with their daily caps and warm-up ramps, the one-click unsubscribe endpoint, and recipient validation (R10).
/// </summary>
public sealed class EmailOptions : IPlatformEndpoints
{
    /// <summary>The configuration section these options bind from (<c>Platforms:Email</c>).</summary>
    public const string SectionName = "Platforms:Email";

    /// <summary>
    /// SMTP providers by name (<c>gmail</c>, <c>yandex</c>, a company relay…); each account names its provider. A
    /// provider's <see cref="EmailProviderOptions.DailyCap"/> and warm-up ramp bound every account on it.
    /// </summary>
    public Dictionary<string, EmailProviderOptions> Providers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long one SMTP connection or command may take (default 30 s); longer is a transient <c>timeout</c>.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The wait after 421 or 452 (the provider throttles the account; default 15 min).</summary>
    public TimeSpan ThrottleCooldown { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long resolved credentials stay in memory (default 5 min).</summary>
    public TimeSpan CredentialCacheDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The host's one-click unsubscribe endpoint (RFC 8058), e.g. <c>https://herald.example.com/unsubscribe/email</c>;
    /// every message carries <c>List-Unsubscribe: &lt;{this}?t={token}&gt;</c> and <c>List-Unsubscribe-Post</c>.
    /// Null: no header (only for tests; real campaigns need it).
    /// </summary>
    public string? UnsubscribeUrl { get; set; }

    /// <summary>The secret that seals unsubscribe tokens (at least 16 characters); the host opens them with the same.</summary>
    public string? UnsubscribeSecret { get; set; }

    /// <summary>The subject of a message whose text has no <c>Subject:</c> first line (default empty).</summary>
    public string DefaultSubject { get; set; } = "";

    /// <summary>Recipient validation before a campaign (R10).</summary>
    public EmailValidationOptions Validation { get; set; } = new();

    /// <inheritdoc />
    public IEnumerable<(string Setting, string? Endpoint)> Endpoints() =>
        Providers.Select(p => ($"Herald:{SectionName}:Providers:{p.Key}:Host", (string?)p.Value.Host));
}

/// <summary>One SMTP provider.</summary>
public sealed class EmailProviderOptions
{
    /// <summary>The SMTP server's host name.</summary>
    public string Host { get; set; } = "";

    /// <summary>The port (default 587, submission).</summary>
    public int Port { get; set; } = 587;

    /// <summary><c>StartTls</c> (default), <c>SslOnConnect</c> or <c>None</c> (loopback test servers only).</summary>
    public EmailSecurity Security { get; set; } = EmailSecurity.StartTls;

    /// <summary>Messages per account per rolling 24 hours at full warm-up (default 300, Herald's e-mail ceiling).</summary>
    public int DailyCap { get; set; } = 300;

    /// <summary>
    /// The warm-up ramp from the account's registration: from day N its cap is this share of <see cref="DailyCap"/>
    /// (default 10 % → 25 % (day 7) → 50 % (day 14) → 75 % (day 21) → 100 % (day 28)). Empty: no ramp.
    /// </summary>
    public Dictionary<int, double> WarmupShareByDay { get; set; } = new() { [0] = 0.1, [7] = 0.25, [14] = 0.5, [21] = 0.75, [28] = 1.0 };

    /// <summary>The cap of an account <paramref name="age"/> old: the ramp's share of <see cref="DailyCap"/>, at least 1.</summary>
    public int CapAt(TimeSpan age)
    {
        var steps = WarmupShareByDay.OrderBy(p => p.Key).ToList();
        var share = steps.Count == 0 ? 1.0 : steps[0].Value;
        foreach (var (day, value) in steps.Where(p => age >= TimeSpan.FromDays(p.Key)))
        {
            share = value;
        }

        return DailyCap == 0 ? 0 : Math.Max(1, (int)Math.Floor((DailyCap * share) + 1e-9));
    }
}

/// <summary>How the SMTP connection is secured.</summary>
public enum EmailSecurity
{
    /// <summary>STARTTLS on the submission port (required).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,

    /// <summary>No TLS: only for loopback test servers.</summary>
    None,
}

/// <summary>Recipient validation (R10): syntax, MX lookup, and an optional RCPT TO probe.</summary>
public sealed class EmailValidationOptions
{
    /// <summary>DNS servers for MX lookups as <c>host:port</c> (default empty: the system's resolvers).</summary>
    public IList<string> DnsServers { get; set; } = [];

    /// <summary>Ask each domain's mail server whether it knows the mailbox (<c>RCPT TO</c>, never <c>DATA</c>); default off.</summary>
    public bool RcptProbe { get; set; }

    /// <summary>The port probes connect to (default 25).</summary>
    public int ProbePort { get; set; } = 25;

    /// <summary>The sender probes announce (<c>MAIL FROM</c>); required when <see cref="RcptProbe"/> is on.</summary>
    public string? ProbeFrom { get; set; }
}
