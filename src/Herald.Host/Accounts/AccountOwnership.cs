using Azure;
using Azure.Data.Tables;
using Herald.Engine;
using Herald.Host.Storage;

namespace Herald.Host.Accounts;

/// <summary>
/// Which tenant owns a platform account whose id is global (a Telegram bot: <c>tg-bot-{bot id}</c>). A platform's limits
/// are per bot, so a bot belongs to one tenant: one row per account id in <c>{prefix}accountowners</c> (partition
/// <see cref="Partition"/>, row = account id, the owner's tenant id). The row is inserted before the account is
/// registered; the insert is atomic in storage, so of two tenants (on any hosts) registering one bot only one wins. It is
/// deleted when the owner removes the account.
/// </summary>
internal sealed class AccountOwnership
{
    /// <summary>Every ownership row lives in this one partition: claims are point inserts and reads.</summary>
    public const string Partition = "owner";

    // A claim whose account never appeared (its registration died between the two writes) is given up after this long.
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(5);

    private readonly EnsuredTable _table;
    private readonly TimeProvider _time;

    public AccountOwnership(TableServiceClient tables, EngineOptions engine, TimeProvider time)
    {
        _table = new EnsuredTable(tables.GetTableClient(engine.NamePrefix + "accountowners"));
        _time = time;
    }

    /// <summary>
    /// Claims <paramref name="accountId"/> for <paramref name="tenantId"/>. <paramref name="ownerHasAccount"/> says whether
    /// a tenant has the account registered: a claim of another tenant that has none and is older than a few minutes was
    /// left by a registration that died, and is taken over.
    /// </summary>
    public async Task<OwnershipClaim> ClaimAsync(
        string tenantId, string accountId, Func<string, CancellationToken, Task<bool>> ownerHasAccount, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        for (var tries = 0; tries < 3; tries++)
        {
            try
            {
                await table.AddEntityAsync(new TableEntity(Partition, accountId) { ["TenantId"] = tenantId, ["ClaimedAt"] = _time.GetUtcNow() }, cancellationToken);
                return OwnershipClaim.Claimed;
            }
            catch (RequestFailedException e) when (e.Status == StatusCodes.Status409Conflict)
            {
                // Someone owns it: read who (below).
            }

            var existing = await table.GetEntityIfExistsAsync<TableEntity>(Partition, accountId, cancellationToken: cancellationToken);
            if (!existing.HasValue)
            {
                continue; // released meanwhile
            }

            var row = existing.Value!;
            var owner = row.GetString("TenantId");
            if (owner == tenantId)
            {
                return OwnershipClaim.AlreadyOwned;
            }

            var abandoned = row.GetDateTimeOffset("ClaimedAt") is not { } at || _time.GetUtcNow() - at >= AbandonedAfter;
            if (!abandoned || await ownerHasAccount(owner, cancellationToken))
            {
                return OwnershipClaim.OwnedElsewhere;
            }

            await DeleteIfUnchangedAsync(table, row, cancellationToken);
        }

        return OwnershipClaim.OwnedElsewhere;
    }

    /// <summary>The tenant that owns <paramref name="accountId"/>, or null when nobody claimed it.</summary>
    public async Task<string?> OwnerOfAsync(string accountId, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var existing = await table.GetEntityIfExistsAsync<TableEntity>(Partition, accountId, cancellationToken: cancellationToken);
        return existing.HasValue ? existing.Value!.GetString("TenantId") : null;
    }

    /// <summary>Gives up <paramref name="tenantId"/>'s claim on <paramref name="accountId"/>; a claim of another tenant is left alone.</summary>
    public async Task ReleaseAsync(string tenantId, string accountId, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var existing = await table.GetEntityIfExistsAsync<TableEntity>(Partition, accountId, cancellationToken: cancellationToken);
        if (existing.HasValue && existing.Value!.GetString("TenantId") == tenantId)
        {
            await DeleteIfUnchangedAsync(table, existing.Value, cancellationToken);
        }
    }

    private static async Task DeleteIfUnchangedAsync(TableClient table, TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == StatusCodes.Status412PreconditionFailed)
        {
            // Claimed again meanwhile: that claim stands.
        }
    }
}
