using Azure;
using Herald.Engine.Persistence;
using Herald.Host.Storage;
using Herald.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Herald.Host.Hosting;

/// <summary>
/// <c>engine-storage</c> in <c>/readyz</c>: the engine's tables and queues were created (<see cref="EngineStorageInitializer"/>)
/// and answer now: one single-row query on the accounts table and the ticks queue's properties, in parallel, each within
/// <see cref="StorageOptions.RequestBudget"/> and without retries.
/// </summary>
internal sealed class EngineStorageHealthCheck(EngineStorageInitializer initializer, EngineStorage storage, IOptions<StorageOptions> options) : IHealthCheck
{
    /// <summary>The check's name in <c>/readyz</c>.</summary>
    public const string Name = "engine-storage";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        initializer.IsCreated
            ? StorageProbe.CheckAsync(options.Value.RequestBudget, ProbeAsync, cancellationToken)
            : Task.FromResult(HealthCheckResult.Unhealthy("The engine's tables and queues are not created yet."));

    private async Task<HealthCheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(StorageProbe.ReadOneRowAsync(storage.Accounts, cancellationToken), storage.Ticks.GetPropertiesAsync(cancellationToken));
            return HealthCheckResult.Healthy();
        }
        catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status404NotFound)
        {
            return HealthCheckResult.Unhealthy("The engine's tables or queues are missing.", ex);
        }
    }
}
