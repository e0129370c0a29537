using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Herald.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Herald.Host.Storage;

/// <summary>
/// <c>storage</c> in <c>/readyz</c>: one single-row query on the audit table and one queue existence check, in parallel,
/// each within <see cref="StorageOptions.RequestBudget"/> and without retries, so an outage is reported at once.
/// Any answer from the service that is not an error counts; a missing table answers 404 and still proves the service
/// is reachable and accepts Herald's credentials (403 does not).
/// </summary>
internal sealed class StorageHealthCheck(TableServiceClient tables, QueueServiceClient queues, IOptions<StorageOptions> options) : IHealthCheck
{
    /// <summary>The check's name in <c>/readyz</c>.</summary>
    public const string Name = "storage";

    private const string ProbeQueue = "herald-readiness";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        StorageProbe.CheckAsync(
            options.Value.RequestBudget,
            async token =>
            {
                await Task.WhenAll(QueryTableAsync(token), queues.GetQueueClient(ProbeQueue).ExistsAsync(token));
                return HealthCheckResult.Healthy();
            },
            cancellationToken);

    private async Task QueryTableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await StorageProbe.ReadOneRowAsync(tables.GetTableClient(HostTables.Audit), cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status404NotFound)
        {
            // The table is created on first write; the service answered.
        }
    }
}
