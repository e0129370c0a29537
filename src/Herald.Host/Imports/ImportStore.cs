using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using Herald.Core.Domain;
using Herald.Core.Imports;
using Herald.Host.Resources;
using Herald.Host.Storage;

namespace Herald.Host.Imports;

/// <summary>
/// Uploaded recipient lists in the <c>heraldimports</c> table (<see cref="HostTables.Imports"/>). The storage clients have
/// no blob service, so a list is kept as rows: its recipients and its dropped-row report are each one JSON array cut
/// into pieces of at most 30,000 characters (<see cref="ChunkedText"/>), one piece per row, written in entity-group
/// transactions under the partition <c>{tenant}|{import id}</c> as the import streams them (<see cref="ImportWriter"/>;
/// since layout 2 each recipients' piece holds whole recipients and their counts, so a slice is read without the rest);
/// the summary row (partition = tenant) is written last, so an import exists only once all of it is stored, and a
/// failed one is deleted. Another tenant's import id finds nothing.
/// </summary>
public sealed partial class ImportStore
{
    internal const string RecipientsPrefix = "r";
    internal const string DroppedPrefix = "d";
    internal const int RowsPerTransaction = 50;

    // Sheet names are at most 31 characters; a hundred of them stay far below a table property's 64 KiB.
    private const int MaxOtherSheets = 100;

    internal static readonly JsonSerializerOptions Json = CreateJson();

    private readonly EnsuredTable _table;

    /// <summary>Uses the <c>heraldimports</c> table of <paramref name="tables"/>, created on first use.</summary>
    public ImportStore(TableServiceClient tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _table = new EnsuredTable(tables.GetTableClient(HostTables.Imports));
    }

    /// <summary>
    /// Starts storing an import under a new id: hand its recipients to the writer as they are read (it is an
    /// <see cref="IRecipientSink"/>), then <see cref="ImportWriter.CompleteAsync"/> it, or
    /// <see cref="ImportWriter.AbandonAsync"/> it when the import failed. Until it completes the import does not exist.
    /// </summary>
    public async Task<ImportWriter> BeginAsync(string tenantId, CancellationToken cancellationToken = default) =>
        new(await _table.GetAsync(cancellationToken), tenantId, ResourceIds.New());

    /// <summary>Stores a successful import, its recipients in <see cref="ImportResult.Recipients"/>, under a new id and returns its summary.</summary>
    public async Task<ImportRecord> SaveAsync(string tenantId, ImportResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        var writer = await BeginAsync(tenantId, cancellationToken);
        await writer.WriteAsync(result.Recipients, cancellationToken);
        return await writer.CompleteAsync(result, cancellationToken);
    }

    /// <summary>The summary of a successful import stored as <paramref name="id"/>.</summary>
    internal static ImportRecord NewRecord(string tenantId, string id, ImportResult result)
    {
        if (!result.Success)
        {
            throw new ArgumentException("Only a successful import can be stored.", nameof(result));
        }

        return new ImportRecord
        {
            Id = id,
            TenantId = tenantId,
            Source = result.Source,
            Format = result.Format,
            HasHeader = result.HasHeader,
            Delimiter = result.Delimiter,
            Sheet = result.Sheet,
            OtherSheets = [.. result.OtherSheets.Take(MaxOtherSheets)],
            Columns = result.Columns,
            DroppedCounts = result.DroppedCounts,
            DroppedCount = result.DroppedCount,
            IgnoredValues = result.IgnoredValues,
            AmbiguousDigits = result.AmbiguousDigits,
            Countries = result.Countries,
        };
    }

    /// <summary>The import's summary, or null when the tenant has none with that id.</summary>
    public async Task<ImportRecord?> GetAsync(string tenantId, string importId, CancellationToken cancellationToken = default)
    {
        if (!ResourceIds.IsValid(importId))
        {
            return null;
        }

        var table = await _table.GetAsync(cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(tenantId, importId, cancellationToken: cancellationToken);
        return row.HasValue ? FromSummary(row.Value!) : null;
    }

    /// <summary>The dropped rows of an import (row numbers and reasons, never values).</summary>
    public async Task<IReadOnlyList<ImportIssue>> ReadDroppedAsync(ImportRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var text = await ReadAsync(record, DroppedPrefix, cancellationToken);
        return JsonSerializer.Deserialize<List<ImportIssue>>(text, Json) ?? [];
    }

    private async Task<string> ReadAsync(ImportRecord record, string prefix, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var partition = ChunkPartition(record);
        var upper = ((char)(prefix[0] + 1)).ToString();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {upper}");
        var text = new StringBuilder();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            text.Append(row.GetString("Data"));
        }

        return text.Length == 0 ? "[]" : text.ToString();
    }

    internal static TableEntity Piece(string partition, string prefix, int index, string piece) =>
        new(partition, string.Create(CultureInfo.InvariantCulture, $"{prefix}{index:D5}")) { ["Data"] = piece };

    private static string ChunkPartition(ImportRecord record) => ChunkPartition(record.TenantId, record.Id);

    internal static string ChunkPartition(string tenantId, string importId) => $"{tenantId}|{importId}";

    internal static TableEntity ToSummary(ImportRecord record) => new(record.TenantId, record.Id)
    {
        ["SourceKind"] = record.Source.Kind.ToString(),
        ["SourceName"] = record.Source.Name,
        ["ImportedAt"] = record.Source.ImportedAt,
        ["RowCount"] = record.Source.RowCount,
        ["RecipientCount"] = record.Source.RecipientCount,
        ["Format"] = record.Format.ToString(),
        ["HasHeader"] = record.HasHeader,
        ["Delimiter"] = record.Delimiter?.ToString(),
        ["Sheet"] = record.Sheet,
        ["OtherSheets"] = JsonSerializer.Serialize(record.OtherSheets, Json),
        ["Columns"] = JsonSerializer.Serialize(record.Columns, Json),
        ["DroppedCounts"] = JsonSerializer.Serialize(record.DroppedCounts, Json),
        ["DroppedCount"] = record.DroppedCount,
        ["IgnoredValues"] = JsonSerializer.Serialize(record.IgnoredValues.Take(1000), Json),
        ["AmbiguousDigits"] = record.AmbiguousDigits,
        ["Countries"] = JsonSerializer.Serialize(record.Countries, Json),
        ["Layout"] = PiecesLayout,
    };

    private static ImportRecord FromSummary(TableEntity e) => new()
    {
        Id = e.RowKey,
        TenantId = e.PartitionKey,
        Source = new RecipientSource(
            Enum.Parse<RecipientSourceKind>(e.GetString("SourceKind") ?? nameof(RecipientSourceKind.File)),
            e.GetString("SourceName"),
            e.GetDateTimeOffset("ImportedAt") ?? DateTimeOffset.UnixEpoch,
            e.GetInt32("RowCount") ?? 0,
            e.GetInt32("RecipientCount") ?? 0),
        Format = Enum.Parse<ImportFormat>(e.GetString("Format") ?? nameof(ImportFormat.Auto)),
        HasHeader = e.GetBoolean("HasHeader") ?? false,
        Delimiter = e.GetString("Delimiter") is { Length: 1 } d ? d[0] : null,
        Sheet = e.GetString("Sheet"),
        OtherSheets = Read<List<string>>(e, "OtherSheets") ?? [],
        Columns = Read<List<ImportColumnMapping>>(e, "Columns") ?? [],
        DroppedCounts = Read<Dictionary<string, int>>(e, "DroppedCounts") ?? [],
        DroppedCount = e.GetInt32("DroppedCount") ?? 0,
        IgnoredValues = Read<List<ImportIssue>>(e, "IgnoredValues") ?? [],
        AmbiguousDigits = e.GetInt32("AmbiguousDigits") ?? 0,
        Countries = Read<List<RegionCount>>(e, "Countries") ?? [],
        Layout = e.GetInt32("Layout") ?? 1,
    };

    private static T? Read<T>(TableEntity e, string key) =>
        e.GetString(key) is { Length: > 0 } json ? JsonSerializer.Deserialize<T>(json, Json) : default;

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>A recipient as stored in a piece (short names).</summary>
    internal sealed record StoredRecipient(
        [property: JsonPropertyName("u")] string? Username,
        [property: JsonPropertyName("i")] long? UserId,
        [property: JsonPropertyName("p")] string? Phone,
        [property: JsonPropertyName("n")] string? Name,
        [property: JsonPropertyName("f")] Dictionary<string, string>? Fields)
    {
        public static StoredRecipient From(Recipient r) => new(
            r.Username, r.UserId, r.Phone, r.Name, r.Fields is { Count: > 0 } f ? new Dictionary<string, string>(f, StringComparer.OrdinalIgnoreCase) : null);

        public Recipient ToRecipient() => new(
            Username, UserId, Phone, Name, Fields is null ? null : new Dictionary<string, string>(Fields, StringComparer.OrdinalIgnoreCase));
    }
}
