using Herald.Engine.Persistence;
using Microsoft.Extensions.Hosting;

namespace Herald.Engine.Workers;

/// <summary>Creates the engine's tables and queues when the host starts, before any worker polls.</summary>
public sealed class EngineInitializer(EngineStorage storage) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => storage.EnsureCreatedAsync(cancellationToken);

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
