using Azure;
using Azure.Data.Tables;
using Herald.Engine;
using Herald.Storage;

namespace Herald.Host.WhatsApp;

/// <summary>
/// Deletes a campaign's rows in the tables of <see cref="DeliveryStore"/>: its recipients' receipts, its counts, and its
/// platform messages (found by tenant and campaign: a scan of that table, fine for an occasional delete). A receipt
/// arriving afterwards finds no campaign and is kept only as a message id with its status.
/// </summary>
internal sealed class DeliveryEraser(TableServiceClient tables, EngineOptions engine)
{
    /// <summary>Deletes every delivery row of the campaign; returns how many.</summary>
    public async Task<int> EraseAsync(string tenantId, string campaignId, CancellationToken cancellationToken = default)
    {
        var range = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey ge {campaignId + ":"} and RowKey lt {campaignId + ";"}");
        var deleted = await DeleteAllAsync(DeliveryStore.RecipientsTable, range, cancellationToken);
        deleted += await DeleteAllAsync(DeliveryStore.CountsTable, range, cancellationToken);
        deleted += await DeleteAllAsync(DeliveryStore.MessagesTable, TableClient.CreateQueryFilter($"TenantId eq {tenantId} and CampaignId eq {campaignId}"), cancellationToken);
        return deleted;
    }

    private async Task<int> DeleteAllAsync(string name, string filter, CancellationToken cancellationToken)
    {
        var table = tables.GetTableClient(engine.NamePrefix + name);
        var keys = new List<(string Partition, string Row)>();
        try
        {
            await foreach (var e in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
            {
                keys.Add((e.PartitionKey, e.RowKey));
            }
        }
        catch (RequestFailedException e) when (e.Status == StatusCodes.Status404NotFound)
        {
            return 0; // no message was ever recorded: the table does not exist
        }

        var batches = keys.GroupBy(k => k.Partition, StringComparer.Ordinal).SelectMany(g => g.Chunk(StorageLimits.MaxTransactionActions)).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (batch, ct) =>
        {
            try
            {
                await table.SubmitTransactionAsync(batch.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(k.Partition, k.Row), ETag.All)), ct);
            }
            catch (TableTransactionFailedException e) when (e.Status == StatusCodes.Status404NotFound)
            {
                // A row went meanwhile (another delete of the same campaign): delete the rest one by one.
                foreach (var (partition, row) in batch)
                {
                    try
                    {
                        await table.DeleteEntityAsync(partition, row, ETag.All, ct);
                    }
                    catch (RequestFailedException gone) when (gone.Status == StatusCodes.Status404NotFound)
                    {
                        // deleted by the other delete
                    }
                }
            }
        });
        return keys.Count;
    }
}
