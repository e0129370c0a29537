using Azure;
using Azure.Data.Tables;
using Herald.Core.Domain;
using Herald.Engine.Model;
using Herald.Storage;

namespace Herald.Engine.Persistence;

/// <summary>
/// Target rows. Claims and outcomes are entity-group transactions inside one shard partition,
/// conditional on the ETags read, so two attempts can never both own a target.
/// </summary>
public sealed class TargetStore(EngineStorage storage)
{
    private TableClient Table => storage.Targets;

    /// <summary>Writes new targets, 100 to a transaction, several partitions at once.</summary>
    public async Task InsertAsync(IReadOnlyList<TargetRecord> targets, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var written = 0;
        var batches = targets
            .GroupBy(t => t.PartitionKey, StringComparer.Ordinal)
            .SelectMany(g => g.Chunk(StorageLimits.MaxTransactionActions))
            .ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (batch, ct) =>
        {
            // Upsert, not add: a create that is retried after a crash rewrites the same rows.
            var actions = batch.Select(t => new TableTransactionAction(TableTransactionActionType.UpsertReplace, t.ToEntity()));
            await Table.SubmitTransactionAsync(actions, ct);
            progress?.Report(Interlocked.Add(ref written, batch.Length));
        });
    }

    /// <summary>
    /// Up to <paramref name="max"/> pending rows of one shard, starting at a row key so that accounts
    /// sharing a shard start at different places; wraps around to the start of the shard.
    /// An empty answer means the shard has no pending row.
    /// </summary>
    public async Task<List<TableEntity>> FindPendingAsync(string partitionKey, string startRow, int max, CancellationToken cancellationToken = default)
    {
        var found = new List<TableEntity>(max);
        var pending = nameof(TargetStatus.Pending);
        var filters = new[]
        {
            TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {startRow} and Status eq {pending}"),
            TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey lt {startRow} and Status eq {pending}"),
        };
        foreach (var filter in filters)
        {
            await foreach (var page in Table.QueryAsync<TableEntity>(filter, max, cancellationToken: cancellationToken).AsPages())
            {
                found.AddRange(page.Values.Take(max - found.Count));
                if (found.Count > 0)
                {
                    break; // a page with rows is enough: the caller needs only a few (an empty page may still continue)
                }
            }

            if (found.Count >= max)
            {
                break;
            }
        }

        return found;
    }

    /// <summary>True when the shard partition holds a pending target (one query of at most one row).</summary>
    public async Task<bool> HasPendingAsync(string partitionKey, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and Status eq {nameof(TargetStatus.Pending)}");
        await foreach (var page in Table.QueryAsync<TableEntity>(filter, 1, select: ["RowKey"], cancellationToken: cancellationToken).AsPages())
        {
            if (page.Values.Count > 0)
            {
                return true; // an empty page may still continue
            }
        }

        return false;
    }

    /// <summary>Reads whole target rows.</summary>
    public async Task<TargetRecord?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
        return response.HasValue ? TargetRecord.FromEntity(response.Value!) : null;
    }

    /// <summary>
    /// Writes changed targets of one partition in one transaction, each conditional on its ETag;
    /// updates their ETags. False when any of them changed meanwhile (nothing is written then).
    /// </summary>
    public Task<bool> TryCommitAsync(IReadOnlyList<TargetRecord> targets, CancellationToken cancellationToken = default) =>
        TryCommitAsync(targets, null, cancellationToken);

    /// <summary>
    /// Writes changed targets of one partition and, when given, the claim marker of that partition (which replaces the
    /// one there) in one transaction, the targets conditional on their ETags; updates their ETags. False when any of
    /// them changed meanwhile (nothing is written then). With a marker, at most 99 targets.
    /// </summary>
    public async Task<bool> TryCommitAsync(IReadOnlyList<TargetRecord> targets, ClaimMarker? marker, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Count == 0 && marker is null)
        {
            return true;
        }

        try
        {
            var actions = targets.Select(t => new TableTransactionAction(TableTransactionActionType.UpdateMerge, t.ToEntity(), t.ETag)).ToList();
            if (marker is not null)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, marker.ToEntity()));
            }

            var response = await Table.SubmitTransactionAsync(actions, cancellationToken);
            for (var i = 0; i < targets.Count; i++)
            {
                targets[i].ETag = response.Value[i].Headers.ETag ?? default;
            }

            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    /// <summary>The claim marker of <paramref name="accountId"/> in a shard partition, or null (one point read).</summary>
    public async Task<ClaimMarker?> GetClaimMarkerAsync(string partitionKey, string accountId, CancellationToken cancellationToken = default)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(partitionKey, EngineKeys.ClaimMarkerRow(accountId), cancellationToken: cancellationToken);
        return response.HasValue ? ClaimMarker.FromEntity(response.Value!) : null;
    }

    /// <summary>Writes one target conditional on its ETag; false on a conflict.</summary>
    public async Task<bool> TryCommitAsync(TargetRecord target, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await Table.UpdateEntityAsync(target.ToEntity(), target.ETag, TableUpdateMode.Merge, cancellationToken);
            target.ETag = response.Headers.ETag ?? default;
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    /// <summary>Targets of a campaign (not its claim markers) that match an extra filter (already escaped), in key order.</summary>
    public async IAsyncEnumerable<TargetRecord> QueryAsync(
        string tenantId,
        string campaignId,
        string? extraFilter = null,
        int? maxPerPage = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (from, to) = EngineKeys.TargetPartitionRange(tenantId, campaignId);
        // Below the claim markers: targets only.
        var filter = TableClient.CreateQueryFilter($"PartitionKey gt {from} and PartitionKey lt {to} and RowKey lt {EngineKeys.TargetRowsEnd}");
        if (extraFilter is not null)
        {
            filter += " and (" + extraFilter + ")";
        }

        await foreach (var e in Table.QueryAsync<TableEntity>(filter, maxPerPage, cancellationToken: cancellationToken))
        {
            yield return TargetRecord.FromEntity(e);
        }
    }

    /// <summary>The first target of a campaign in one of the statuses, or null.</summary>
    public async Task<TargetRecord?> FindFirstAsync(string tenantId, string campaignId, IEnumerable<TargetStatus> statuses, CancellationToken cancellationToken = default)
    {
        var filter = string.Join(" or ", statuses.Select(s => TableClient.CreateQueryFilter($"Status eq {s.ToString()}")));
        await foreach (var t in QueryAsync(tenantId, campaignId, filter, 1, cancellationToken))
        {
            return t;
        }

        return null;
    }
}
