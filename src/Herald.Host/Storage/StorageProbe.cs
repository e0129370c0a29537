using Azure.Data.Tables;
using Herald.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Herald.Host.Storage;

/// <summary>What the storage readiness checks share: a short budget without retries, and an outage read as not ready.</summary>
internal static class StorageProbe
{
    /// <summary>
    /// Runs <paramref name="probe"/> within <paramref name="budget"/> per storage call (<see cref="StorageCallBudget"/>);
    /// a storage outage (<see cref="StorageOutage"/>) is unhealthy with a reason free of secrets, anything else throws.
    /// </summary>
    public static async Task<HealthCheckResult> CheckAsync(TimeSpan budget, Func<CancellationToken, Task<HealthCheckResult>> probe, CancellationToken cancellationToken)
    {
        using var scope = StorageCallBudget.Begin(budget);
        try
        {
            return await probe(cancellationToken);
        }
        catch (Exception ex) when (StorageOutage.IsOutage(ex) && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy(StorageOutage.Describe(ex), ex);
        }
    }

    /// <summary>Reads at most one row's partition key from <paramref name="table"/>: the cheapest query that reaches the service.</summary>
    public static async Task ReadOneRowAsync(TableClient table, CancellationToken cancellationToken)
    {
        await foreach (var _ in table.QueryAsync<TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken).AsPages(pageSizeHint: 1))
        {
            break;
        }
    }
}
