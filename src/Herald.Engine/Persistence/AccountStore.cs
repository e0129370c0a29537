using Azure;
using Azure.Data.Tables;
using Herald.Engine.Model;
using Herald.Storage;

namespace Herald.Engine.Persistence;

/// <summary>
/// Reads and writes account rows; every write is conditional on the row's ETag. The table also holds the account's
/// counter rows (<see cref="CounterStore"/>), in the same partition after every account row.
/// </summary>
public sealed class AccountStore(EngineStorage storage)
{
    /// <summary>A filter that keeps the account rows of the accounts table (and leaves out its counter rows).</summary>
    public static readonly string AccountRowsFilter = TableClient.CreateQueryFilter($"RowKey lt {EngineKeys.CounterRowPrefix}");

    private TableClient Table => storage.Accounts;

    /// <summary>The account, or null when there is none.</summary>
    public async Task<AccountRecord?> GetAsync(string tenantId, string accountId, CancellationToken cancellationToken = default)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(tenantId, accountId, cancellationToken: cancellationToken);
        return response.HasValue ? AccountRecord.FromEntity(response.Value!) : null;
    }

    /// <summary>Adds a new account; false when the id is taken.</summary>
    public async Task<bool> TryAddAsync(AccountRecord account, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await Table.AddEntityAsync(account.ToEntity(), cancellationToken);
            account.ETag = response.Headers.ETag ?? default;
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Replaces the row if nobody changed it since it was read; false on a conflict (412) or when it is gone.</summary>
    public async Task<bool> TryReplaceAsync(AccountRecord account, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await Table.UpdateEntityAsync(account.ToEntity(), account.ETag, TableUpdateMode.Replace, cancellationToken);
            account.ETag = response.Headers.ETag ?? default;
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    /// <summary>
    /// Replaces the row if nobody changed it since it was read, and with it, in one transaction, the counter rows of
    /// <paramref name="campaignIds"/> (<see cref="AccountRecord.Campaigns"/>): the counts are written exactly when the row
    /// is, and a fenced attempt (412) writes neither. False on a conflict (412) or when the row is gone.
    /// </summary>
    public async Task<bool> TryCommitAsync(AccountRecord account, IReadOnlyCollection<string> campaignIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(campaignIds);
        var counters = campaignIds.Where(account.Campaigns.ContainsKey)
            .Select(id => new TableTransactionAction(TableTransactionActionType.UpsertReplace, CounterStore.ToEntity(account.TenantId, account.AccountId, id, account.Campaigns[id])))
            .ToList();
        if (counters.Count == 0)
        {
            return await TryReplaceAsync(account, cancellationToken);
        }

        // A transaction holds at most 100 actions. A tick touches a few campaigns (a recovery at most those its dead
        // attempts worked on), so the rest, written ahead unfenced, is a case this guard only keeps from failing.
        var room = StorageLimits.MaxTransactionActions - 1;
        foreach (var chunk in counters.SkipLast(room).Chunk(StorageLimits.MaxTransactionActions))
        {
            await Table.SubmitTransactionAsync(chunk, cancellationToken);
        }

        try
        {
            var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, account.ToEntity(), account.ETag) };
            actions.AddRange(counters.TakeLast(room));
            var response = await Table.SubmitTransactionAsync(actions, cancellationToken);
            account.ETag = response.Value[0].Headers.ETag ?? default;
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    /// <summary>
    /// Moves the lease of the row on to <paramref name="until"/>, writing nothing else (a merge), if the row is still
    /// as it was at <paramref name="etag"/>. The new ETag, or none on a conflict (412) or when the row is gone.
    /// </summary>
    public async Task<LeaseRenewal> TryRenewLeaseAsync(string tenantId, string accountId, ETag etag, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        try
        {
            var entity = new TableEntity(tenantId, accountId) { ["LeaseUntil"] = until };
            var response = await Table.UpdateEntityAsync(entity, etag, TableUpdateMode.Merge, cancellationToken);
            return new LeaseRenewal(response.Headers.ETag);
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return new LeaseRenewal(null);
        }
    }

    /// <summary>Deletes the row; false when it was already gone.</summary>
    public async Task<bool> DeleteAsync(string tenantId, string accountId, CancellationToken cancellationToken = default)
    {
        var response = await Table.DeleteEntityAsync(tenantId, accountId, ETag.All, cancellationToken);
        return response.Status != 404;
    }

    /// <summary>Every account of a tenant.</summary>
    public async Task<List<AccountRecord>> ListAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var list = new List<AccountRecord>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey lt {EngineKeys.CounterRowPrefix}");
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            list.Add(AccountRecord.FromEntity(e));
        }

        return list;
    }

    /// <summary>Accounts of every tenant whose next tick was due before <paramref name="dueBefore"/>.</summary>
    public async Task<List<AccountRecord>> ListOverdueAsync(DateTimeOffset dueBefore, CancellationToken cancellationToken = default)
    {
        var list = new List<AccountRecord>();
        var filter = TableClient.CreateQueryFilter($"NextTickAt lt {dueBefore}");
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            list.Add(AccountRecord.FromEntity(e));
        }

        return list;
    }
}
