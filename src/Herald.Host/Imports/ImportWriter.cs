using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Herald.Core.Domain;
using Herald.Core.Imports;

namespace Herald.Host.Imports;

/// <summary>
/// Writes one import's recipients as they are read: the JSON array <see cref="ImportStore"/> keeps, built a recipient
/// at a time and cut into pieces of at most <see cref="ChunkedText.MaxPieceLength"/> characters, submitted
/// <see cref="ImportStore.RowsPerTransaction"/> pieces per transaction. What it holds is at most one transaction's
/// pieces. The import becomes visible only with <see cref="CompleteAsync"/>, which writes its summary row last;
/// <see cref="AbandonAsync"/> deletes what a failed import wrote.
/// </summary>
public sealed class ImportWriter : IRecipientSink
{
    private readonly TableClient _table;
    private readonly string _tenantId;
    private readonly string _partition;
    private readonly StringBuilder _text = new("[");
    private readonly List<TableTransactionAction> _actions = [];
    private bool _any;
    private int _pieces;

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
            _text.Append(_any ? "," : string.Empty).Append(JsonSerializer.Serialize(ImportStore.StoredRecipient.From(recipient), ImportStore.Json));
            _any = true;
        }

        await CutAsync(ImportStore.RecipientsPrefix, final: false, cancellationToken);
    }

    /// <summary>Writes the rest, the dropped rows the answer lists and then the summary: the import exists from here on.</summary>
    public async Task<ImportRecord> CompleteAsync(ImportResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        var record = ImportStore.NewRecord(_tenantId, Id, result);
        _text.Append(']');
        await CutAsync(ImportStore.RecipientsPrefix, final: true, cancellationToken);
        _pieces = 0;
        _text.Append(JsonSerializer.Serialize(result.Dropped, ImportStore.Json));
        await CutAsync(ImportStore.DroppedPrefix, final: true, cancellationToken);
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

    private async Task CutAsync(string prefix, bool final, CancellationToken cancellationToken)
    {
        while (_text.Length >= ChunkedText.MaxPieceLength || (final && _text.Length > 0))
        {
            var length = ChunkedText.NextPieceLength(_text);

            _actions.Add(new TableTransactionAction(TableTransactionActionType.Add, ImportStore.Piece(_partition, prefix, _pieces++, _text.ToString(0, length))));
            _text.Remove(0, length);
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
