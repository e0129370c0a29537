using Azure.Data.Tables;
using Herald.Host.Storage;
using Herald.Host.Tenancy;

namespace Herald.Host.Authentication;

/// <summary>
/// API keys in the <c>heraldapikeys</c> table (<see cref="HostTables.ApiKeys"/>), stored as SHA-256 hashes only, plus the
/// keys in configuration (<c>Herald:Auth:ApiKeys</c>), which are checked first. A table lookup is a point read by the
/// presented key's hash: timing can tell at most whether that hash is stored, which says nothing about other keys.
/// </summary>
public sealed class TableApiKeyStore : IApiKeyStore
{
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
        var row = await table.GetEntityIfExistsAsync<ApiKeyEntity>(ApiKeyEntity.Partition, ApiKeys.Hash(apiKey), cancellationToken: cancellationToken);
        return row.HasValue ? new ApiKeyOwner(row.Value!.TenantId, row.Value.Name) : null;
    }

    /// <summary>
    /// Makes a new key for <paramref name="tenantId"/> labelled <paramref name="name"/> and stores its hash. Returns the
    /// key: hand it to the client now, it cannot be read back.
    /// </summary>
    public async Task<string> CreateAsync(string tenantId, string name, CancellationToken cancellationToken = default)
    {
        if (!TenantIds.IsValid(tenantId))
        {
            throw new ArgumentException("The tenant id is not well formed.", nameof(tenantId));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var key = ApiKeys.Generate();
        var table = await _table.GetAsync(cancellationToken);
        await table.AddEntityAsync(
            new ApiKeyEntity { RowKey = ApiKeys.Hash(key), TenantId = tenantId, Name = name, Created = _timeProvider.GetUtcNow() },
            cancellationToken);
        return key;
    }

    /// <summary>Revokes the key whose SHA-256 is <paramref name="sha256"/> (hex); false when no such key is stored.</summary>
    public async Task<bool> RevokeAsync(string sha256, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sha256);
        var table = await _table.GetAsync(cancellationToken);
        var response = await table.DeleteEntityAsync(ApiKeyEntity.Partition, sha256.ToLowerInvariant(), cancellationToken: cancellationToken);
        return response.Status != StatusCodes.Status404NotFound;
    }
}
