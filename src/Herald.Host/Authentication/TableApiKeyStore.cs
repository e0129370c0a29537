using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using Herald.Host.Storage;
using Herald.Host.Tenancy;

namespace Herald.Host.Authentication;

/// <summary>
/// API keys in the <c>heraldapikeys</c> table (<see cref="HostTables.ApiKeys"/>), stored as SHA-256 hashes only, plus the
/// keys in configuration (<c>Herald:Auth:ApiKeys</c>), which are checked first. A table lookup is a point read by the
/// presented key's hash: timing can tell at most whether that hash is stored, which says nothing about other keys.
/// Lookups are not cached, so a revoked key is refused by every host from the next request on. "Last used" is written
/// at most once per <see cref="LastUsedInterval"/> per key (conditional on the row's ETag, so hosts do not pile up).
/// </summary>
public sealed class TableApiKeyStore : IApiKeyStore
{
    /// <summary>The least time between two writes of a key's <see cref="ApiKeyInfo.LastUsed"/>.</summary>
    public static readonly TimeSpan LastUsedInterval = TimeSpan.FromMinutes(1);

    private const int PrefixLength = 10;

    private readonly EnsuredTable _table;
    private readonly IApiKeyStore _configured;
    private readonly TimeProvider _timeProvider;

    internal TableApiKeyStore(TableServiceClient tables, InMemoryApiKeyStore configured, TimeProvider timeProvider)
        : this(tables, configured, timeProvider, HostTables.ApiKeys)
    {
    }

    internal TableApiKeyStore(TableServiceClient tables, IApiKeyStore configured, TimeProvider timeProvider, string tableName)
    {
        _table = new EnsuredTable(tables.GetTableClient(tableName));
        _configured = configured;
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public async Task<ApiKeyOwner?> FindAsync(string apiKey, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(apiKey) || apiKey.Length > ApiKeys.MaxLength)
        {
            return null;
        }

        if (await _configured.FindAsync(apiKey, cancellationToken) is { } owner)
        {
            return owner;
        }

        var table = await _table.GetAsync(cancellationToken);
        var response = await table.GetEntityIfExistsAsync<ApiKeyEntity>(ApiKeyEntity.Partition, ApiKeys.Hash(apiKey), cancellationToken: cancellationToken);
        if (!response.HasValue)
        {
            return null;
        }

        var row = response.Value!;
        await TouchAsync(table, row, cancellationToken);
        return new ApiKeyOwner(row.TenantId, row.Name, row.ReadOnly);
    }

    /// <summary>
    /// Makes a new key for <paramref name="tenantId"/> labelled <paramref name="name"/> and stores its hash. Returns the
    /// key: hand it to the client now, it cannot be read back.
    /// </summary>
    public async Task<string> CreateAsync(string tenantId, string name, CancellationToken cancellationToken = default) =>
        (await IssueAsync(tenantId, name, readOnly: false, cancellationToken)).Key;

    /// <summary>Makes a new key (read-only when <paramref name="readOnly"/>) and stores its hash; the answer holds the key this once.</summary>
    public async Task<IssuedApiKey> IssueAsync(string tenantId, string name, bool readOnly, CancellationToken cancellationToken = default)
    {
        if (!TenantIds.IsValid(tenantId))
        {
            throw new ArgumentException("The tenant id is not well formed.", nameof(tenantId));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var key = ApiKeys.Generate();
        var row = new ApiKeyEntity
        {
            RowKey = ApiKeys.Hash(key),
            Id = "key-" + RandomNumberGenerator.GetHexString(16, lowercase: true),
            TenantId = tenantId,
            Name = name,
            Prefix = key[..PrefixLength],
            ReadOnly = readOnly,
            Created = _timeProvider.GetUtcNow(),
        };
        var table = await _table.GetAsync(cancellationToken);
        await table.AddEntityAsync(row, cancellationToken);
        return new IssuedApiKey(row.ToInfo(), key);
    }

    /// <summary>The keys of <paramref name="tenantId"/> that have ids (made through the API or <see cref="IssueAsync"/>), oldest first.</summary>
    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync(tenantId, null, cancellationToken);
        return [.. rows.Select(r => r.ToInfo()).OrderBy(k => k.Created).ThenBy(k => k.Id, StringComparer.Ordinal)];
    }

    /// <summary>Revokes <paramref name="tenantId"/>'s key <paramref name="id"/>: deleted, refused from now on. Null when the tenant has no such key.</summary>
    public async Task<ApiKeyInfo?> RevokeAsync(string tenantId, string id, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        var row = (await QueryAsync(tenantId, id, cancellationToken)).FirstOrDefault();
        if (row is null)
        {
            return null;
        }

        var table = await _table.GetAsync(cancellationToken);
        var response = await table.DeleteEntityAsync(ApiKeyEntity.Partition, row.RowKey, ETag.All, cancellationToken);
        return response.Status == StatusCodes.Status404NotFound ? null : row.ToInfo();
    }

    /// <summary>Revokes the key whose SHA-256 is <paramref name="sha256"/> (hex); false when no such key is stored.</summary>
    public async Task<bool> RevokeAsync(string sha256, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sha256);
        var table = await _table.GetAsync(cancellationToken);
        var response = await table.DeleteEntityAsync(ApiKeyEntity.Partition, sha256.ToLowerInvariant(), cancellationToken: cancellationToken);
        return response.Status != StatusCodes.Status404NotFound;
    }

    private async Task<List<ApiKeyEntity>> QueryAsync(string tenantId, string? id, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var filter = id is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {ApiKeyEntity.Partition} and TenantId eq {tenantId}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {ApiKeyEntity.Partition} and TenantId eq {tenantId} and Id eq {id}");
        var rows = new List<ApiKeyEntity>();
        await foreach (var row in table.QueryAsync<ApiKeyEntity>(filter, cancellationToken: cancellationToken))
        {
            if (!string.IsNullOrEmpty(row.Id))
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    // At most one write per key and interval: the write is conditional on the row read, so of several hosts that saw the
    // same stale value only one writes; the others' 412 (or a 404 after a revoke) is the expected outcome, not a failure.
    private async Task TouchAsync(TableClient table, ApiKeyEntity row, CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        if (row.LastUsed is { } last && now - last < LastUsedInterval)
        {
            return;
        }

        try
        {
            var update = new TableEntity(row.PartitionKey, row.RowKey) { [nameof(ApiKeyEntity.LastUsed)] = now };
            await table.UpdateEntityAsync(update, row.ETag, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is StatusCodes.Status412PreconditionFailed or StatusCodes.Status404NotFound)
        {
            // Another host wrote it first, or the key was revoked meanwhile.
        }
    }
}
