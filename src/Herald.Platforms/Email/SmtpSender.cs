using System.Collections.Concurrent;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Herald.Platforms.Email;

/// <summary>
/// Sends messages over SMTP with MailKit, one connection per account kept open between sends (an account sends one
/// message at a time; the engine never runs two actions of one account at once, and a lock makes sure). A failed
/// send closes the connection: the next one starts fresh. Answers the SMTP reply code (250 for success, 0 for no
/// reply: network or timeout).
/// </summary>
internal sealed class SmtpSender(EmailOptions options) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);

    /// <summary>The reply code and, for 0, whether it was a timeout.</summary>
    public async Task<(int Code, bool TimedOut)> SendAsync(string accountKey, EmailProviderOptions provider, EmailCredentials credentials, MimeMessage message, CancellationToken cancellationToken)
    {
        var session = _sessions.GetOrAdd(accountKey, _ => new Session());
        await session.Gate.WaitAsync(cancellationToken);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Timeout);
            try
            {
                var client = session.Client ??= new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
                if (!client.IsConnected)
                {
                    await client.ConnectAsync(provider.Host, provider.Port, Security(provider.Security), timeout.Token);
                }

                if (!client.IsAuthenticated)
                {
                    await client.AuthenticateAsync(credentials.Username, credentials.Password, timeout.Token);
                }

                await client.SendAsync(message, timeout.Token);
                return (250, false);
            }
            catch (SmtpCommandException e)
            {
                await ResetAsync(session);
                return ((int)e.StatusCode, false);
            }
            catch (AuthenticationException)
            {
                await ResetAsync(session);
                return (535, false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                await ResetAsync(session);
                return (0, true);
            }
            catch (Exception e) when (e is SmtpProtocolException or ServiceNotConnectedException or IOException or SocketException)
            {
                await ResetAsync(session);
                return (0, false);
            }
        }
        finally
        {
            session.Gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var session in _sessions.Values)
        {
            await ResetAsync(session);
            session.Gate.Dispose();
        }
    }

    private static SecureSocketOptions Security(EmailSecurity security) => security switch
    {
        EmailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        EmailSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };

    private static async Task ResetAsync(Session session)
    {
        if (session.Client is { } client)
        {
            session.Client = null;
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(true, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(2));
                }
            }
            catch (Exception e) when (e is IOException or SocketException or TimeoutException or SmtpProtocolException or SmtpCommandException or ServiceNotConnectedException)
            {
                // Closing a broken connection: nothing to keep.
            }
            finally
            {
                client.Dispose();
            }
        }
    }

    private sealed class Session
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public SmtpClient? Client { get; set; }
    }
}
