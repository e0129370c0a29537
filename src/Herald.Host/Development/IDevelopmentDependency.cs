namespace Herald.Host.Development;

/// <summary>
/// Something the Development host starts before serving and stops after (Azurite, the platform simulator). Register
/// with <c>services.AddDevelopmentDependency&lt;T&gt;()</c>; they start in registration order and stop in reverse.
/// </summary>
public interface IDevelopmentDependency
{
    /// <summary>A short name for logs.</summary>
    string Name { get; }

    /// <summary>Starts the dependency and returns once it serves.</summary>
    Task StartAsync(CancellationToken cancellationToken = default);

    /// <summary>Stops it; called on shutdown even when a later dependency failed to start.</summary>
    Task StopAsync(CancellationToken cancellationToken = default);
}
