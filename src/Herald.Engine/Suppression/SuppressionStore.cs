using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Herald.Core.Domain;
using Herald.Engine.Persistence;

namespace Herald.Engine.Suppression;

/// <summary>
/// The tenant's suppression list (R34): recipients never to be contacted again by any campaign of
/// the tenant. Rows hold a SHA-256 of the recipient's key, a reason and a masked hint, never the
/// recipient itself. Reads go through a short per-tenant cache, so a claim costs no extra request.
/// </summary>
public sealed class SuppressionStore(EngineStorage storage, TimeProvider time)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, HashSet<string> Hashes)> _cache = new(StringComparer.Ordinal);

    /// <summary>The stored hash of a recipient.</summary>
    public static string HashOf(Recipient recipient) => HashOf(recipient.Key);

    /// <summary>The stored hash of a recipient key.</summary>
    public static string HashOf(string recipientKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(recipientKey)));

    /// <summary>A hint an operator can recognise without the table holding the recipient: the last 4 characters.</summary>
    public static string HintOf(Recipient recipient)
    {
        var key = recipient.Key;
        var value = key[(key.IndexOf(':', StringComparison.Ordinal) + 1)..];
        return value.Length <= 4 ? "…" : "…" + value[^4..];
    }

    /// <summary>Adds a recipient; adding one already there keeps the first reason.</summary>
    public async Task AddAsync(string tenantId, Recipient recipient, string reason, CancellationToken cancellationToken = default)
    {
        var hash = HashOf(recipient);
        var e = new TableEntity(tenantId, hash)
        {
            ["Reason"] = reason,
            ["Hint"] = HintOf(recipient),
            ["AddedAt"] = time.GetUtcNow(),
        };
        try
        {
            await storage.Suppressions.AddEntityAsync(e, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Already suppressed: the list is a set.
        }

        if (_cache.TryGetValue(tenantId, out var cached))
        {
            lock (cached.Hashes)
            {
                cached.Hashes.Add(hash);
            }
        }
    }

    /// <summary>Removes a recipient by hash; false when it was not there.</summary>
    public async Task<bool> RemoveAsync(string tenantId, string hash, CancellationToken cancellationToken = default)
    {
        _cache.TryRemove(tenantId, out _);
        var response = await storage.Suppressions.DeleteEntityAsync(tenantId, hash, ETag.All, cancellationToken);
        return response.Status != 404;
    }

    /// <summary>The tenant's list.</summary>
    public async Task<List<SuppressionEntry>> ListAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var list = new List<SuppressionEntry>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId}");
        await foreach (var e in storage.Suppressions.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            list.Add(new SuppressionEntry(e.RowKey, e.GetString("Reason") ?? "", e.GetString("Hint") ?? "", e.GetDateTimeOffset("AddedAt")));
        }

        return list;
    }

    /// <summary>The set of suppressed hashes, at most a few seconds old.</summary>
    public async Task<IReadOnlySet<string>> GetSetAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(tenantId, out var cached) && now - cached.At < CacheFor)
        {
            lock (cached.Hashes)
            {
                return cached.Hashes.ToHashSet(StringComparer.Ordinal);
            }
        }

        var hashes = new HashSet<string>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId}");
        await foreach (var e in storage.Suppressions.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            hashes.Add(e.RowKey);
        }

        _cache[tenantId] = (now, hashes);
        return hashes.ToHashSet(StringComparer.Ordinal);
    }
}

/// <summary>One suppressed recipient as listed: its hash (the id to remove it by), why, a masked hint, when.</summary>
public sealed record SuppressionEntry(string Hash, string Reason, string Hint, DateTimeOffset? AddedAt);
