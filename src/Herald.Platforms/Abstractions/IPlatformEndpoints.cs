namespace Herald.Platforms.Abstractions;

/// <summary>A platform's options that name where the platform is reached (<see cref="SimulatedTimeGuard{TOptions}"/>).</summary>
public interface IPlatformEndpoints
{
    /// <summary>Each endpoint with its full configuration key; a null or empty endpoint means the real platform.</summary>
    IEnumerable<(string Setting, string? Endpoint)> Endpoints();
}
