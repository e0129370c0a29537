using Azure;
using Azure.Data.Tables;
using Herald.Engine.Model;

namespace Herald.Engine.Persistence;

/// <summary>The accounts' transactional lanes (<see cref="EngineStorage.Lane"/>); every change is conditional on the row's ETag.</summary>
public sealed class LaneStore(EngineStorage storage)
{
    private TableClient Table => storage.Lane;

    /// <summary>Puts a new message in its account's lane.</summary>
    public async Task AddAsync(LaneMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var response = await Table.AddEntityAsync(message.ToEntity(), cancellationToken);
        message.ETag = response.Headers.ETag ?? default;
    }

    /// <summary>The message, or null when there is none.</summary>
    public async Task<LaneMessage?> GetAsync(string tenantId, string accountId, string rowKey, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(LaneMessage.Partition(tenantId, accountId), rowKey, cancellationToken: cancellationToken);
        return row.HasValue ? LaneMessage.FromEntity(row.Value!) : null;
    }

    /// <summary>Up to <paramref name="max"/> messages of an account's lane that are pending or being sent, oldest first.</summary>
    public async Task<List<LaneMessage>> FindOpenAsync(string tenantId, string accountId, int max, CancellationToken cancellationToken = default)
    {
        var partition = LaneMessage.Partition(tenantId, accountId);
        var pending = nameof(LaneStatus.Pending);
        var sending = nameof(LaneStatus.Sending);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and (Status eq {pending} or Status eq {sending})");
        var list = new List<LaneMessage>();
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, maxPerPage: max, cancellationToken: cancellationToken))
        {
            list.Add(LaneMessage.FromEntity(e));
            if (list.Count >= max)
            {
                break;
            }
        }

        return list;
    }

    /// <summary>Writes the messages (one partition, at most 100) in one transaction; false when any changed meanwhile.</summary>
    public async Task<bool> TryCommitAsync(IReadOnlyList<LaneMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
        {
            return true;
        }

        try
        {
            var actions = messages.Select(m => new TableTransactionAction(TableTransactionActionType.UpdateReplace, m.ToEntity(), m.ETag)).ToList();
            var response = await Table.SubmitTransactionAsync(actions, cancellationToken);
            for (var i = 0; i < messages.Count; i++)
            {
                messages[i].ETag = response.Value[i].Headers.ETag ?? default;
            }

            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    /// <summary>Deletes terminal messages that ended before <paramref name="before"/>; returns how many.</summary>
    public async Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"CompletedAt lt {before}");
        var deleted = 0;
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            try
            {
                await Table.DeleteEntityAsync(e.PartitionKey, e.RowKey, e.ETag, cancellationToken);
                deleted++;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                // Gone or changed since the query saw it.
            }
        }

        return deleted;
    }
}
