using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using DnsClient;
using MimeKit;

namespace Herald.Platforms.Email;

/// <summary>The verdict on one address.</summary>
/// <param name="Address">The address as given (trimmed).</param>
/// <param name="Valid">True when it passed every check that ran.</param>
/// <param name="Reason">Why not: <c>invalid_syntax</c>, <c>no_mx</c>, <c>dns_error</c>, <c>mailbox_unknown</c>.</param>
public sealed record EmailValidationResult(string Address, bool Valid, string? Reason = null);

/// <summary>
/// Recipient validation before an e-mail campaign (R10): the address's syntax, an MX lookup of its domain (DnsClient,
/// against <see cref="EmailValidationOptions.DnsServers"/> or the system's resolvers; a domain without MX but with an
/// A record is accepted, as RFC 5321 §5.1 allows), and, only when <see cref="EmailValidationOptions.RcptProbe"/> is
/// on, a probe of the domain's mail server: <c>EHLO</c>, <c>MAIL FROM</c>, <c>RCPT TO</c>, then <c>RSET</c> and
/// <c>QUIT</c> — never <c>DATA</c>, so nothing is ever delivered. A probe that gets no clear answer (4xx, no
/// connection) does not fail the address.
/// </summary>
public sealed class EmailRecipientValidator
{
    private readonly EmailValidationOptions _options;
    private readonly LookupClient _dns;

    /// <summary>Creates a validator with its resolver.</summary>
    public EmailRecipientValidator(EmailValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        var servers = options.DnsServers.Select(ParseServer).ToArray();
        var lookup = servers.Length == 0 ? new LookupClientOptions() : new LookupClientOptions(servers);
        lookup.UseCache = true;
        lookup.Timeout = TimeSpan.FromSeconds(3);
        lookup.Retries = 1;
        lookup.ContinueOnDnsError = false;
        _dns = new LookupClient(lookup);
    }

    /// <summary>Checks the addresses; each domain is looked up once.</summary>
    public async Task<IReadOnlyList<EmailValidationResult>> ValidateAsync(IEnumerable<string> addresses, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        var domains = new Dictionary<string, (string? Host, string? Reason)>(StringComparer.OrdinalIgnoreCase);
        var results = new List<EmailValidationResult>();
        foreach (var raw in addresses)
        {
            var address = raw?.Trim() ?? "";
            if (!IsValidSyntax(address))
            {
                results.Add(new EmailValidationResult(address, false, "invalid_syntax"));
                continue;
            }

            var domain = address[(address.LastIndexOf('@') + 1)..];
            if (!domains.TryGetValue(domain, out var mx))
            {
                mx = domains[domain] = await MailHostAsync(domain, cancellationToken);
            }

            if (mx.Reason is not null)
            {
                results.Add(new EmailValidationResult(address, false, mx.Reason));
                continue;
            }

            var known = _options.RcptProbe ? await ProbeAsync(mx.Host!, address, cancellationToken) : true;
            results.Add(known ? new EmailValidationResult(address, true) : new EmailValidationResult(address, false, "mailbox_unknown"));
        }

        return results;
    }

    /// <summary>A single mailbox <c>local@domain.tld</c> without display name, comments or routes.</summary>
    public static bool IsValidSyntax(string address)
    {
        if (address.Length is < 3 or > 254 || address.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return false;
        }

        var at = address.LastIndexOf('@');
        if (at is <= 0 || at > 64 || at == address.Length - 1 || address.IndexOf('@') != at)
        {
            return false;
        }

        var domain = address[(at + 1)..];
        var labels = domain.Split('.');
        return labels.Length >= 2
            && labels.All(l => l.Length is > 0 and <= 63 && !l.StartsWith('-') && !l.EndsWith('-') && l.All(c => char.IsLetterOrDigit(c) || c == '-'))
            && MailboxAddress.TryParse(address, out var parsed) && parsed.Address == address;
    }

    private async Task<(string? Host, string? Reason)> MailHostAsync(string domain, CancellationToken cancellationToken)
    {
        try
        {
            var mx = await _dns.QueryAsync(domain, QueryType.MX, cancellationToken: cancellationToken);
            if (mx.HasError && mx.Header.ResponseCode != DnsHeaderResponseCode.NotExistentDomain)
            {
                return (null, "dns_error");
            }

            var best = mx.Answers.MxRecords().OrderBy(r => r.Preference).FirstOrDefault();
            if (best is not null && best.Exchange.Value.TrimEnd('.') is { Length: > 0 } exchange)
            {
                return (exchange, null);
            }

            if (mx.Header.ResponseCode == DnsHeaderResponseCode.NotExistentDomain)
            {
                return (null, "no_mx");
            }

            var a = await _dns.QueryAsync(domain, QueryType.A, cancellationToken: cancellationToken);
            return a.Answers.ARecords().Any() ? (domain, null) : (null, "no_mx");
        }
        catch (DnsResponseException)
        {
            return (null, "dns_error");
        }
    }

    private async Task<bool> ProbeAsync(string host, string address, CancellationToken cancellationToken)
    {
        try
        {
            var ip = IPAddress.TryParse(host, out var literal) ? literal
                : (await _dns.QueryAsync(host, QueryType.A, cancellationToken: cancellationToken)).Answers.ARecords().Select(r => r.Address).FirstOrDefault();
            if (ip is null)
            {
                return true; // no clear answer
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(ip, _options.ProbePort, timeout.Token);
            await using var stream = tcp.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            if (await ReplyAsync(reader, timeout.Token) != 220)
            {
                return true;
            }

            var from = _options.ProbeFrom ?? "";
            var helo = from[(from.LastIndexOf('@') + 1)..];
            foreach (var command in new[] { $"EHLO {helo}", $"MAIL FROM:<{from}>" })
            {
                await writer.WriteLineAsync(command.AsMemory(), timeout.Token);
                if (await ReplyAsync(reader, timeout.Token) != 250)
                {
                    return true;
                }
            }

            await writer.WriteLineAsync($"RCPT TO:<{address}>".AsMemory(), timeout.Token);
            var code = await ReplyAsync(reader, timeout.Token);
            await writer.WriteLineAsync("RSET".AsMemory(), timeout.Token);
            await ReplyAsync(reader, timeout.Token);
            await writer.WriteLineAsync("QUIT".AsMemory(), timeout.Token);
            return code is not (550 or 551 or 553);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or DnsResponseException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return true;
        }
    }

    // Reads one (possibly multi-line) reply and answers its code; 0 when there is none.
    private static async Task<int> ReplyAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length < 3 || !int.TryParse(line.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var code))
            {
                return 0;
            }

            if (line.Length == 3 || line[3] != '-')
            {
                return code;
            }
        }

        return 0;
    }

    private static NameServer ParseServer(string server)
    {
        var colon = server.LastIndexOf(':');
        return colon > 0 && int.TryParse(server.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            ? new NameServer(IPAddress.Parse(server[..colon]), port)
            : new NameServer(IPAddress.Parse(server));
    }
}
