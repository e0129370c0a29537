using Azure;
using Azure.Data.Tables;
using Herald.Engine.Model;
using Herald.Engine.Orchestrations;
using Herald.Engine.Persistence;
using Herald.Storage;

namespace Herald.Engine.Campaigns;

/// <summary>
/// Deletes an ended campaign with everything that holds its recipients: its targets (the report is read from them),
/// its counter rows (and old statistics rows), then the campaign row itself. The row goes last, so a delete that dies half-way is finished by
/// the next one; then its orchestration's history is purged from the task hub. Only ended campaigns (completed or
/// cancelled): no account acts on them any more.
/// </summary>
public sealed class CampaignEraser(CampaignStore campaigns, EngineStorage storage, ICampaignLifecycle lifecycle)
{
    /// <summary>Deletes the campaign if it has ended.</summary>
    public async Task<CampaignErasure> EraseEndedAsync(string tenantId, string campaignId, CancellationToken cancellationToken = default)
    {
        var campaign = await campaigns.GetAsync(tenantId, campaignId, cancellationToken);
        if (campaign is null)
        {
            return new CampaignErasure(null, CampaignErasureResult.NotFound, 0);
        }

        if (!campaign.Status.IsTerminal())
        {
            return new CampaignErasure(campaign, CampaignErasureResult.NotEnded, 0);
        }

        var (from, to) = EngineKeys.TargetPartitionRange(tenantId, campaignId);
        // The targets with their shards' claim markers; only the targets are counted.
        var targets = await DeleteAllAsync(storage.Targets, TableClient.CreateQueryFilter($"PartitionKey gt {from} and PartitionKey lt {to}"), cancellationToken,
            counts: row => string.CompareOrdinal(row, EngineKeys.TargetRowsEnd) < 0);
        await DeleteAllAsync(storage.Accounts, CounterStore.CampaignFilter(tenantId, campaignId), cancellationToken);
        await DeleteAllAsync(storage.Stats, TableClient.CreateQueryFilter($"PartitionKey eq {EngineKeys.StatsPartition(tenantId, campaignId)}"), cancellationToken);
        await storage.Campaigns.DeleteEntityAsync(tenantId, campaignId, ETag.All, cancellationToken);
        await lifecycle.ForgetAsync(tenantId, campaignId, cancellationToken);
        return new CampaignErasure(campaign, CampaignErasureResult.Erased, targets);
    }

    /// <summary>Ended campaigns of every tenant that ended before <paramref name="endedBefore"/> (for retention).</summary>
    public async Task<IReadOnlyList<CampaignRecord>> ListEndedBeforeAsync(DateTimeOffset endedBefore, CancellationToken cancellationToken = default)
    {
        var list = new List<CampaignRecord>();
        var filter = TableClient.CreateQueryFilter($"EndedAt lt {endedBefore}");
        await foreach (var e in storage.Campaigns.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var campaign = CampaignRecord.FromEntity(e);
            if (campaign.Status.IsTerminal())
            {
                list.Add(campaign);
            }
        }

        return list;
    }

    // Deletes every row the filter finds, 100 to a transaction per partition.
    private static async Task<int> DeleteAllAsync(TableClient table, string filter, CancellationToken cancellationToken, Func<string, bool>? counts = null)
    {
        var keys = new List<(string Partition, string Row)>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add((e.PartitionKey, e.RowKey));
        }

        var batches = keys.GroupBy(k => k.Partition, StringComparer.Ordinal).SelectMany(g => g.Chunk(StorageLimits.MaxTransactionActions)).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (batch, ct) =>
        {
            try
            {
                await table.SubmitTransactionAsync(batch.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(k.Partition, k.Row), ETag.All)), ct);
            }
            catch (TableTransactionFailedException e) when (e.Status == 404)
            {
                // A row went meanwhile (another delete of the same campaign): delete the rest one by one.
                foreach (var (partition, row) in batch)
                {
                    await table.DeleteEntityAsync(partition, row, ETag.All, ct);
                }
            }
        });
        return counts is null ? keys.Count : keys.Count(k => counts(k.Row));
    }
}

/// <summary>What <see cref="CampaignEraser.EraseEndedAsync"/> did.</summary>
/// <param name="Campaign">The campaign as it was; null when there was none.</param>
/// <param name="Result">Erased, or why not.</param>
/// <param name="Targets">How many targets were deleted.</param>
public sealed record CampaignErasure(CampaignRecord? Campaign, CampaignErasureResult Result, int Targets);

/// <summary>The result of erasing a campaign.</summary>
public enum CampaignErasureResult
{
    /// <summary>Its rows are gone.</summary>
    Erased,

    /// <summary>The tenant has no such campaign.</summary>
    NotFound,

    /// <summary>It has not ended: pause or cancel it first.</summary>
    NotEnded,
}
