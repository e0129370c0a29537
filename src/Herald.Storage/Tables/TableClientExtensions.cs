using Azure;

namespace Herald.Storage.Tables;

/// <summary>Helpers over <see cref="TableClient"/> that the official SDK does not have.</summary>
public static class TableClientExtensions
{
    /// <summary>
    /// Submits any number of actions as entity-group transactions: grouped by partition (in order of first
    /// appearance), in chunks of at most 100, a row that repeats starting a new chunk. <b>Not atomic across
    /// chunks</b>: each chunk is all or nothing, chunks run one after another, and a failure stops the rest — the
    /// exception says how many chunks were committed and maps the failing index to <paramref name="actions"/>.
    /// Returns one sub-response per action, in the order of <paramref name="actions"/>.
    /// </summary>
    /// <exception cref="TableTransactionFailedException">A chunk was rejected; earlier chunks stay applied.</exception>
    public static async Task<IReadOnlyList<Response>> SubmitTransactionsInChunksAsync(
        this TableClient table,
        IEnumerable<TableTransactionAction> actions,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(actions);
        var indexed = actions.Select((action, index) => (Action: action, Index: index)).ToList();
        var results = new Response[indexed.Count];
        var chunks = Chunk(indexed).ToList();
        for (var c = 0; c < chunks.Count; c++)
        {
            var chunk = chunks[c];
            try
            {
                var responses = (await table.SubmitTransactionAsync(chunk.Select(a => a.Action), cancellationToken).ConfigureAwait(false)).Value;
                for (var i = 0; i < chunk.Count; i++)
                {
                    results[chunk[i].Index] = responses[i];
                }
            }
            catch (TableTransactionFailedException ex)
            {
                int? failedIndex = ex.FailedTransactionActionIndex is { } local && local < chunk.Count ? chunk[local].Index : null;
                var exception = new TableTransactionFailedException(
                    ex.Status,
                    $"Chunk {c + 1} of {chunks.Count} failed ({c} committed, the rest not attempted): {ex.Message}",
                    ex.ErrorCode,
                    failedIndex);
                foreach (System.Collections.DictionaryEntry entry in ex.Data)
                {
                    exception.Data[entry.Key] = entry.Value;
                }

                throw exception;
            }
        }

        return results;
    }

    private static IEnumerable<List<(TableTransactionAction Action, int Index)>> Chunk(List<(TableTransactionAction Action, int Index)> actions)
    {
        foreach (var partition in actions.GroupBy(a => a.Action.Entity.PartitionKey, StringComparer.Ordinal))
        {
            var chunk = new List<(TableTransactionAction Action, int Index)>();
            var rows = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in partition)
            {
                if (chunk.Count == TableClient.MaxTransactionActions || !rows.Add(item.Action.Entity.RowKey))
                {
                    yield return chunk;
                    chunk = [];
                    rows.Clear();
                    rows.Add(item.Action.Entity.RowKey);
                }

                chunk.Add(item);
            }

            if (chunk.Count > 0)
            {
                yield return chunk;
            }
        }
    }
}
