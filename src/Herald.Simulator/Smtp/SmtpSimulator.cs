using System.Net;
using System.Net.Sockets;
using SmtpServer;

namespace Herald.Simulator.Smtp;

/// <summary>
/// An SMTP server on 127.0.0.1 (SmtpServer): <c>AUTH PLAIN/LOGIN</c> without TLS (loopback only; unauthenticated sessions may probe with <c>RCPT TO</c>, as on an MX), replies per
/// <see cref="SmtpScenario"/>, and every accepted message recorded in <see cref="State"/>.
/// </summary>
public sealed class SmtpSimulator : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    private SmtpSimulator(SmtpServer.SmtpServer server, SmtpSimulatorState state, int port)
    {
        _server = server;
        State = state;
        Port = port;
        _running = server.StartAsync(_stop.Token);
    }

    /// <summary>The loopback port it listens on.</summary>
    public int Port { get; }

    /// <summary>The scenario, the messages and the counts.</summary>
    public SmtpSimulatorState State { get; }

    /// <summary>Starts a server on a free loopback port (or <paramref name="port"/>).</summary>
    public static async Task<SmtpSimulator> StartAsync(SmtpScenario? scenario = null, TimeProvider? timeProvider = null, int port = 0)
    {
        if (port == 0)
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var state = new SmtpSimulatorState(scenario ?? new SmtpScenario(), timeProvider ?? TimeProvider.System);
        var options = new SmtpServerOptionsBuilder()
            .ServerName("smtp.simulator.local")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).AllowUnsecureAuthentication(true).AuthenticationRequired(false))
            .Build();
        var hooks = new SmtpHooks(state);
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add((SmtpServer.Storage.IMessageStore)hooks);
        services.Add((SmtpServer.Storage.IMailboxFilter)hooks);
        services.Add((SmtpServer.Authentication.IUserAuthenticator)hooks);
        var simulator = new SmtpSimulator(new SmtpServer.SmtpServer(options, services), state, port);
        await simulator.WaitListeningAsync();
        return simulator;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _server.Shutdown();
        await _stop.CancelAsync();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task WaitListeningAsync()
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(20);
            }
        }

        throw new InvalidOperationException($"The SMTP simulator did not listen on port {Port}.");
    }
}
