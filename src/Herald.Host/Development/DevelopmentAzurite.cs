using Herald.Development;

namespace Herald.Host.Development;

/// <summary>
/// Azurite for the Development host: in memory (nothing survives a restart; for data that does, run
/// <c>npm run azurite</c> and configure its connection string with <c>StartAzurite=false</c>), on free loopback ports,
/// started through <see cref="AzuriteLauncher"/> the first time storage options are read or when the host starts.
/// </summary>
public sealed class DevelopmentAzurite(ILogger<DevelopmentAzurite> logger) : OnDemandDependency<AzuriteLauncher>
{
    /// <inheritdoc />
    public override string Name => "azurite";

    /// <summary>The connection string of the running Azurite; starts it if needed (blocking).</summary>
    public string ConnectionString => GetBlocking().ConnectionString;

    /// <inheritdoc />
    protected override Task<AzuriteLauncher> StartResourceAsync(CancellationToken cancellationToken) =>
        AzuriteLauncher.StartAsync(new AzuriteOptions { InMemoryPersistence = true }, logger, cancellationToken);

    /// <inheritdoc />
    protected override Task StopResourceAsync(AzuriteLauncher resource, CancellationToken cancellationToken) => resource.DisposeAsync().AsTask();
}
