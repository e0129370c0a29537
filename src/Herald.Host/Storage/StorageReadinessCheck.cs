using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Herald.Host.Health;

namespace Herald.Host.Storage;

/// <summary>
/// <c>storage</c> in <c>/readyz</c>: one single-row query on the audit table and one queue existence check, in parallel.
/// Any answer from the service that is not an error counts; a missing table answers 404 and still proves the service
/// is reachable and accepts Herald's credentials (403 does not).
/// </summary>
internal sealed class StorageReadinessCheck(TableServiceClient tables, QueueServiceClient queues) : IReadinessCheck
{
    private const string ProbeQueue = "herald-readiness";

    public string Name => "storage";

    public async Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken = default)
    {
        await Task.WhenAll(QueryTableAsync(cancellationToken), queues.GetQueueClient(ProbeQueue).ExistsAsync(cancellationToken));
        return ReadinessResult.Ready;
    }

    private async Task QueryTableAsync(CancellationToken cancellationToken)
    {
        try
        {
            var table = tables.GetTableClient(HostTables.Audit);
            await foreach (var _ in table.QueryAsync<TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken).AsPages(pageSizeHint: 1))
            {
                break;
            }
        }
        catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status404NotFound)
        {
            // The table is created on first write; the service answered.
        }
    }
}
