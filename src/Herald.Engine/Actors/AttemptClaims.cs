using Herald.Engine.Model;

namespace Herald.Engine.Actors;

/// <summary>
/// One attempt of an account (a lease), and what it stamped with its id per shard partition: the targets it claimed and
/// those it adopted from dead attempts. Each claim writes the partition's <see cref="ClaimMarker"/> from this, so a
/// marker always lists every target of the account's live or dead attempts there that is not yet counted.
/// </summary>
internal sealed class AttemptClaims(string id, string accountId)
{
    private readonly Dictionary<string, SortedSet<string>> _rows = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>The attempt id (the lease id in the account row).</summary>
    public string Id { get; } = id;

    /// <summary>The marker of <paramref name="partitionKey"/> once <paramref name="claimed"/> are claimed too (nothing is kept yet).</summary>
    public ClaimMarker MarkerWith(string partitionKey, IEnumerable<TargetRecord> claimed)
    {
        lock (_lock)
        {
            var rows = new SortedSet<string>(_rows.GetValueOrDefault(partitionKey) ?? [], StringComparer.Ordinal);
            rows.UnionWith(claimed.Select(t => t.RowKey));
            return new ClaimMarker(partitionKey, accountId, Id, rows);
        }
    }

    /// <summary>Keeps targets stamped with this attempt (claimed, or adopted by recovery).</summary>
    public void Add(IEnumerable<TargetRecord> stamped)
    {
        lock (_lock)
        {
            foreach (var t in stamped)
            {
                if (!_rows.TryGetValue(t.PartitionKey, out var rows))
                {
                    _rows[t.PartitionKey] = rows = new SortedSet<string>(StringComparer.Ordinal);
                }

                rows.Add(t.RowKey);
            }
        }
    }
}
