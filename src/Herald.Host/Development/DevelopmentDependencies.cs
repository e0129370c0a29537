namespace Herald.Host.Development;

/// <summary>
/// Starts every registered <see cref="IDevelopmentDependency"/> when the Development host starts and stops them when it
/// stops. With none registered it does nothing. Registered only in the Development environment.
/// </summary>
internal sealed class DevelopmentDependencies(IEnumerable<IDevelopmentDependency> dependencies, ILogger<DevelopmentDependencies> logger)
    : IHostedService
{
    private readonly List<IDevelopmentDependency> _started = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var dependency in dependencies)
            {
                Log.DevelopmentDependencyStarting(logger, dependency.Name);
                await dependency.StartAsync(cancellationToken);
                _started.Add(dependency);
            }
        }
        catch
        {
            // The host does not stop a service whose start failed: stop what did start, then fail the start.
            await StopAsync(CancellationToken.None);
            throw;
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var dependency in Enumerable.Reverse(_started))
        {
            Log.DevelopmentDependencyStopping(logger, dependency.Name);
            await dependency.StopAsync(cancellationToken);
        }

        _started.Clear();
    }
}
