using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Herald.Host.Tests.Infrastructure;

/// <summary>
/// A TCP relay on a fixed loopback port to another loopback port. <see cref="Refuse"/> closes the port and every
/// connection through it (what a client sees when the service behind it stops), <see cref="Accept"/> opens the same
/// port again (the service is back): a storage outage without stopping Azurite.
/// </summary>
public sealed class LoopbackProxy : IAsyncDisposable
{
    private readonly int _targetPort;
    private readonly ConcurrentDictionary<TcpClient, byte> _connections = new();
    private TcpListener? _listener;
    private CancellationTokenSource _stopping = new();

    private LoopbackProxy(int targetPort, int port)
    {
        _targetPort = targetPort;
        Port = port;
    }

    /// <summary>The port clients connect to.</summary>
    public int Port { get; }

    public static LoopbackProxy Start(int targetPort)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var proxy = new LoopbackProxy(targetPort, port);
        proxy.Accept();
        return proxy;
    }

    /// <summary>Listens again on <see cref="Port"/> and relays new connections.</summary>
    public void Accept()
    {
        _stopping = new CancellationTokenSource();
        var listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _listener = listener;
        _ = AcceptLoopAsync(listener, _stopping.Token);
    }

    /// <summary>Stops listening (new connections are refused) and resets every open connection.</summary>
    public void Refuse()
    {
        _stopping.Cancel();
        _listener?.Stop();
        _listener = null;
        foreach (var connection in _connections.Keys)
        {
            Close(connection);
        }
    }

    public ValueTask DisposeAsync()
    {
        Refuse();
        _stopping.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task AcceptLoopAsync(TcpListener listener, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = RelayAsync(client, stopping);
        }
    }

    private async Task RelayAsync(TcpClient client, CancellationToken stopping)
    {
        using var upstream = new TcpClient();
        _connections[client] = 0;
        _connections[upstream] = 0;
        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, _targetPort, stopping);
            var down = client.GetStream();
            var up = upstream.GetStream();
            await Task.WhenAny(down.CopyToAsync(up, stopping), up.CopyToAsync(down, stopping));
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // The relay ends with either side.
        }
        finally
        {
            _connections.TryRemove(client, out _);
            _connections.TryRemove(upstream, out _);
            Close(client);
            Close(upstream);
        }
    }

    private static void Close(TcpClient connection)
    {
        try
        {
            if (connection.Client is { } socket)
            {
                socket.LingerState = new LingerOption(true, 0);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
        }

        connection.Dispose();
    }
}
