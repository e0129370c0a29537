using Herald.Engine.Orchestrations;
using Herald.Host.Hosting.Durable;
using Herald.Storage;
using Herald.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Herald.Host.Tests.Hosting;

[Collection(AzuriteCollection.Name)]
public sealed class DurableSidecarTests(AzuriteFixture azurite)
{
    // A host may dispose its services before it stops them (a test server's factory did, and its stop then failed with
    // ObjectDisposedException): the disposal stops the sidecar, and the stop after it finds nothing left to do.
    [Fact(Timeout = 60_000)]
    public async Task Dispose_BeforeStop_StopsOnceWithoutError()
    {
        var storage = Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString });
        var durable = new DurableOptions { TaskHubName = "sidecar" + Guid.NewGuid().ToString("N")[..8], PartitionCount = 1 };
        using var services = new ServiceCollection().BuildServiceProvider();
        var sidecar = new DurableSidecar(storage, durable, dispatch: true, services, NullLoggerFactory.Instance);

        await sidecar.StartAsync(CancellationToken.None);
        var port = await sidecar.PortAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await sidecar.DisposeAsync();
        await sidecar.StopAsync(CancellationToken.None);

        // The server was stopped by the disposal: its port no longer answers.
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        await Assert.ThrowsAnyAsync<System.Net.Sockets.SocketException>(async () => await socket.ConnectAsync(System.Net.IPAddress.Loopback, port));
    }
}
