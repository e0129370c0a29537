using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Herald.Core.Domain;

namespace Herald.Host.Imports;

// Reading an import's recipients a piece at a time: the whole list streamed, or only the pieces a slice needs, so a list
// of a million recipients is never held at once (layout 2; an import stored before it is read whole, as it was written).
public sealed partial class ImportStore
{
    /// <summary>The layout <see cref="ImportWriter"/> writes: pieces of whole recipients with their counts.</summary>
    internal const int PiecesLayout = 2;

    internal const string CountProperty = "Count";
    internal const string ReachProperty = "Reach";

    /// <summary>The recipients of an import, in list order (held whole: for lists a request may hold, else use <see cref="StreamRecipientsAsync"/>).</summary>
    public async Task<IReadOnlyList<Recipient>> ReadRecipientsAsync(ImportRecord record, CancellationToken cancellationToken = default)
    {
        var all = new List<Recipient>();
        await foreach (var recipient in StreamRecipientsAsync(record, cancellationToken))
        {
            all.Add(recipient);
        }

        return all;
    }

    /// <summary>The recipients of an import, in list order, read a piece (some hundred recipients) at a time.</summary>
    public IAsyncEnumerable<Recipient> StreamRecipientsAsync(ImportRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Layout < PiecesLayout ? ReadWholeAsync(record, cancellationToken) : ReadRowsAsync(record, 0, null, cancellationToken);
    }

    /// <summary>
    /// The import's pieces in list order, without their recipients (one small row each, about one per 400 recipients);
    /// null for an import stored before pieces were counted (read it whole).
    /// </summary>
    public async Task<IReadOnlyList<ImportPiece>?> ReadPiecesAsync(ImportRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Layout < PiecesLayout)
        {
            return null;
        }

        var table = await _table.GetAsync(cancellationToken);
        var pieces = new List<ImportPiece>();
        var first = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(RowsFilter(record, 0, null), select: ["RowKey", CountProperty, ReachProperty], cancellationToken: cancellationToken))
        {
            var index = RowIndex(row);
            if (row.GetInt32(CountProperty) is > 0 and var count)
            {
                pieces.Add(new ImportPiece(first, index, count, row.GetInt32(ReachProperty) ?? 0));
                first = index + 1;
            }
        }

        return pieces;
    }

    /// <summary>The recipients of the pieces <paramref name="first"/> to <paramref name="last"/> (both included), in list order.</summary>
    public IAsyncEnumerable<Recipient> ReadPiecesAsync(ImportRecord record, ImportPiece first, ImportPiece last, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(last);
        return ReadRowsAsync(record, first.FirstRow, last.LastRow, cancellationToken);
    }

    private async IAsyncEnumerable<Recipient> ReadRowsAsync(ImportRecord record, int fromRow, int? toRow, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var text = new StringBuilder();
        await foreach (var row in table.QueryAsync<TableEntity>(RowsFilter(record, fromRow, toRow), cancellationToken: cancellationToken))
        {
            text.Append(row.GetString("Data"));
            if (row.GetInt32(CountProperty) is > 0)
            {
                foreach (var stored in JsonSerializer.Deserialize<List<StoredRecipient>>(text.ToString(), Json) ?? [])
                {
                    yield return stored.ToRecipient();
                }

                text.Clear();
            }
        }
    }

    private async IAsyncEnumerable<Recipient> ReadWholeAsync(ImportRecord record, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var text = await ReadAsync(record, RecipientsPrefix, cancellationToken);
        foreach (var stored in JsonSerializer.Deserialize<List<StoredRecipient>>(text, Json) ?? [])
        {
            yield return stored.ToRecipient();
        }
    }

    private static string RowsFilter(ImportRecord record, int fromRow, int? toRow)
    {
        var partition = ChunkPartition(record);
        var from = RowKeyOf(RecipientsPrefix, fromRow);
        var to = toRow is { } last ? RowKeyOf(RecipientsPrefix, last) : ((char)(RecipientsPrefix[0] + 1)).ToString();
        return toRow is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey lt {to}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey le {to}");
    }

    private static string RowKeyOf(string prefix, int index) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{index:D5}");

    private static int RowIndex(TableEntity row) => int.Parse(row.RowKey.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture);
}

/// <summary>One piece of an import's recipients: its rows, how many recipients it holds, and how many of them have a user id.</summary>
/// <param name="FirstRow">Its first row (a piece too long for one row continues over the next).</param>
/// <param name="LastRow">Its last row.</param>
/// <param name="Count">Recipients in it.</param>
/// <param name="Reach">Recipients in it with a user id (those a Telegram bot can reach).</param>
public sealed record ImportPiece(int FirstRow, int LastRow, int Count, int Reach);
