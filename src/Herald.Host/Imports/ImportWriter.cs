using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Herald.Core.Domain;
using Herald.Core.Imports;

namespace Herald.Host.Imports;

/// <summary>
/// Writes one import's recipients as they are read, in the layout <see cref="ImportStore"/> reads by slices: each piece
/// is a JSON array of whole recipients (about <see cref="ChunkedText.MaxPieceLength"/> characters) with how many it
/// holds (<c>Count</c>) and how many of them have a user id (<c>Reach</c>); a piece too long for one row continues over
/// the rows before it (<c>Count</c> 0). Rows go out <see cref="ImportStore.RowsPerTransaction"/> per transaction, so what
/// it holds is at most one transaction's rows. The import becomes visible only with <see cref="CompleteAsync"/>, which
/// writes its summary row last; <see cref="AbandonAsync"/> deletes what a failed import wrote.
/// </summary>
public sealed class ImportWriter : IRecipientSink
{
    private readonly TableClient _table;
    private readonly string _tenantId;
    private readonly string _partition;
    private readonly StringBuilder _text = new();
    private readonly List<TableTransactionAction> _actions = [];
    private int _pieces;
    private int _count;
    private int _reach;

    internal ImportWriter(TableClient table, string tenantId, string id)
    {
        _table = table;
        _tenantId = tenantId;
        Id = id;
        _partition = ImportStore.ChunkPartition(tenantId, id);
    }

    /// <summary>The import's id.</summary>
    public string Id { get; }

    /// <inheritdoc />
    public async Task WriteAsync(IReadOnlyList<Recipient> recipients, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        foreach (var recipient in recipients)
        {
            var json = JsonSerializer.Serialize(ImportStore.StoredRecipient.From(recipient), ImportStore.Json);
            if (_count > 0 && _text.Length + json.Length + 2 > ChunkedText.MaxPieceLength)
            {
                await ClosePieceAsync(cancellationToken);
            }

            _text.Append(_count == 0 ? '[' : ',').Append(json);
            _count++;
            _reach += recipient.UserId is null ? 0 : 1;
        }
    }

    /// <summary>Writes the rest, the dropped rows the answer lists and then the summary: the import exists from here on.</summary>
    public async Task<ImportRecord> CompleteAsync(ImportResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        var record = ImportStore.NewRecord(_tenantId, Id, result);
        if (_count > 0)
        {
            await ClosePieceAsync(cancellationToken);
        }

        _pieces = 0;
        _text.Append(JsonSerializer.Serialize(result.Dropped, ImportStore.Json));
        await CutAsync(ImportStore.DroppedPrefix, null, cancellationToken);
        await SubmitAsync(cancellationToken);
        await _table.AddEntityAsync(ImportStore.ToSummary(record), cancellationToken);
        return record;
    }

    /// <summary>Deletes every piece written so far (best effort: without a summary row they are never read anyway).</summary>
    public async Task AbandonAsync(CancellationToken cancellationToken = default)
    {
        _actions.Clear();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {_partition}");
        var rows = new List<TableTransactionAction>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            rows.Add(new TableTransactionAction(TableTransactionActionType.Delete, row));
            if (rows.Count == 100)
            {
                await _table.SubmitTransactionAsync(rows, cancellationToken);
                rows.Clear();
            }
        }

        if (rows.Count > 0)
        {
            await _table.SubmitTransactionAsync(rows, cancellationToken);
        }
    }

    // Ends the recipients' piece: its last row carries its counts, the rows before it (if it is that long) carry 0.
    private async Task ClosePieceAsync(CancellationToken cancellationToken)
    {
        _text.Append(']');
        await CutAsync(ImportStore.RecipientsPrefix, (_count, _reach), cancellationToken);
        (_count, _reach) = (0, 0);
    }

    private async Task CutAsync(string prefix, (int Count, int Reach)? counts, CancellationToken cancellationToken)
    {
        while (_text.Length > 0)
        {
            var length = ChunkedText.NextPieceLength(_text);
            var row = ImportStore.Piece(_partition, prefix, _pieces++, _text.ToString(0, length));
            _text.Remove(0, length);
            if (counts is { } c)
            {
                var last = _text.Length == 0;
                row[ImportStore.CountProperty] = last ? c.Count : 0;
                row[ImportStore.ReachProperty] = last ? c.Reach : 0;
            }

            _actions.Add(new TableTransactionAction(TableTransactionActionType.Add, row));
            if (_actions.Count == ImportStore.RowsPerTransaction)
            {
                await SubmitAsync(cancellationToken);
            }
        }
    }

    private async Task SubmitAsync(CancellationToken cancellationToken)
    {
        if (_actions.Count > 0)
        {
            await _table.SubmitTransactionAsync(_actions, cancellationToken);
            _actions.Clear();
        }
    }
}
