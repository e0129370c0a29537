using Azure.Data.Tables;

namespace Herald.Host.Storage;

/// <summary>
/// A table that is created the first time it is used, once per process. A failed create is forgotten, so the
/// next write tries again (storage may come up after the host).
/// </summary>
internal sealed class EnsuredTable(TableClient table)
{
    private readonly Lock _gate = new();
    private Task? _created;

    /// <summary>The client, after making sure the table exists.</summary>
    public async Task<TableClient> GetAsync(CancellationToken cancellationToken = default)
    {
        Task created;
        lock (_gate)
        {
            created = _created ??= table.CreateIfNotExistsAsync(CancellationToken.None);
        }

        try
        {
            await created.WaitAsync(cancellationToken);
        }
        catch (Exception) when (created.IsFaulted || created.IsCanceled)
        {
            lock (_gate)
            {
                if (ReferenceEquals(_created, created))
                {
                    _created = null;
                }
            }

            throw;
        }

        return table;
    }
}
