using Herald.Core.Domain;
using Herald.Core.Phones;

namespace Herald.Core.Imports;

/// <summary>
/// Reads a recipient list from CSV, XLSX or JSON bytes (R7): detects the format, the header row and the column roles
/// (or takes an explicit mapping), normalises usernames and phones, applies the phone-prefix segment (R9), drops
/// duplicates and garbage rows with a reason per row, and records the provenance (R36). Pure: no I/O besides
/// reading the given stream, no logging of values.
/// </summary>
public sealed class RecipientImporter
{
    private readonly PhoneNormalizer _phones;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates an importer reading phones with <paramref name="phones"/> and stamping imports with <paramref name="timeProvider"/>.</summary>
    public RecipientImporter(PhoneNormalizer phones, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(phones);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _phones = phones;
        _timeProvider = timeProvider;
    }

    /// <summary>How many recipients a streaming import hands its sink at once.</summary>
    public const int BatchSize = 1_000;

    /// <summary>How many dropped rows (and ignored values) a streaming import lists; all of them are counted.</summary>
    public const int ListedIssues = 1_000;

    private const int HeadBytes = 64 * 1024;

    /// <summary>
    /// Reads <paramref name="content"/> (at most <see cref="ImportOptions.MaxBytes"/> of it; the stream is not disposed)
    /// and returns its recipients in <see cref="ImportResult.Recipients"/>, every dropped row listed. For lists too
    /// large to hold, use the overload with an <see cref="IRecipientSink"/>.
    /// Problems with the list come back as <see cref="ImportResult.Error"/> (too large, too many rows, unreadable,
    /// empty, unknown column…); invalid <paramref name="options"/> throw <see cref="ArgumentException"/>.
    /// </summary>
    public async Task<ImportResult> ImportAsync(
        Stream content, ImportFormat format, ImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        var kept = new CollectingSink();
        var result = await ImportAsync(content, format, kept, options, int.MaxValue, cancellationToken).ConfigureAwait(false);
        return result.Success ? result with { Recipients = kept.Recipients } : result;
    }

    /// <summary>
    /// Streams <paramref name="content"/> into <paramref name="sink"/>: a first pass checks the whole list (size, rows,
    /// syntax, sheet, columns) and keeps only its first rows; a second reads it row by row and hands the recipients to
    /// <paramref name="sink"/> in batches of <see cref="BatchSize"/>, so memory is bounded by a batch and a compact key
    /// set, not by the list. Nothing reaches the sink when the answer is an <see cref="ImportResult.Error"/>. A seekable
    /// stream is read in place (twice); another is copied into memory first. The answer lists the first
    /// <see cref="ListedIssues"/> dropped rows and counts them all.
    /// </summary>
    public Task<ImportResult> ImportAsync(
        Stream content, ImportFormat format, IRecipientSink sink, ImportOptions? options = null, CancellationToken cancellationToken = default) =>
        ImportAsync(content, format, sink, options, ListedIssues, cancellationToken);

    private async Task<ImportResult> ImportAsync(
        Stream content, ImportFormat format, IRecipientSink sink, ImportOptions? options, int listed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(sink);
        options ??= new ImportOptions();
        options.ThrowIfInvalid();
        cancellationToken.ThrowIfCancellationRequested();
        var source = new RecipientSource(options.SourceKind, options.FileName, _timeProvider.GetUtcNow(), 0, 0);
        using var input = await ImportInput.OpenAsync(content, options.MaxBytes, cancellationToken).ConfigureAwait(false);
        if (input is null)
        {
            return ImportResult.Failed(
                new ImportError(ImportErrorCodes.TooLarge, $"The file is larger than {options.MaxBytes} bytes, the most one import takes."), format, source);
        }

        if (input.Length == 0)
        {
            return ImportResult.Failed(new ImportError(ImportErrorCodes.Empty, "The file is empty."), format, source);
        }

        if (format == ImportFormat.Auto)
        {
            format = DetectFormat(options.FileName, input.Head(HeadBytes));
        }

        ITableReader reader = format switch
        {
            ImportFormat.Csv => new CsvTableReader(input, options),
            ImportFormat.Xlsx => new XlsxTableReader(input, options, t => RecipientSheet.IsLikely(t, options)),
            ImportFormat.Json => new JsonTableReader(input, options),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown import format."),
        };
        var surveyed = reader.Survey(cancellationToken);
        if (surveyed.Table is not { } table)
        {
            return ImportResult.Failed(surveyed.Error!, format, source);
        }

        var (mapped, error) = ColumnMapper.Map(table, options);
        if (mapped is null)
        {
            return ImportResult.Failed(error!, format, source);
        }

        var collector = new RecipientCollector(mapped.Columns, options.PhonesOr(_phones), options, listed);
        var header = mapped.SkipFirstRow;
        var n = 0;
        foreach (var row in reader.Rows(table, cancellationToken))
        {
            if (++n % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (row.Blank)
            {
                collector.AddBlank(row.Number);
            }
            else if (header)
            {
                header = false;
            }
            else
            {
                collector.Add(row);
            }

            if (collector.Pending.Count >= BatchSize)
            {
                await sink.WriteAsync(collector.Pending, cancellationToken).ConfigureAwait(false);
                collector.Pending.Clear();
            }
        }

        if (collector.Pending.Count > 0)
        {
            await sink.WriteAsync(collector.Pending, cancellationToken).ConfigureAwait(false);
            collector.Pending.Clear();
        }

        return collector.Build(format, mapped, source, table);
    }

    /// <summary>
    /// The format of <paramref name="content"/>: a zip or OLE signature is a workbook whatever the name says; else the
    /// extension (<c>.csv .tsv .txt</c>, <c>.xlsx .xlsm .xls</c>, <c>.json</c>); else <c>[</c> or <c>{</c> first is JSON; else CSV.
    /// </summary>
    public static ImportFormat DetectFormat(string? fileName, ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("PK\u0003\u0004"u8) || content.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
        {
            return ImportFormat.Xlsx;
        }

        switch (Path.GetExtension(fileName)?.ToUpperInvariant())
        {
            case ".CSV" or ".TSV" or ".TXT":
                return ImportFormat.Csv;
            case ".XLSX" or ".XLSM" or ".XLS":
                return ImportFormat.Xlsx;
            case ".JSON":
                return ImportFormat.Json;
        }

        var text = content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? content[3..] : content;
        var at = text.IndexOfAnyExcept(" \t\r\n"u8);
        return at >= 0 && text[at] is (byte)'[' or (byte)'{' ? ImportFormat.Json : ImportFormat.Csv;
    }

    /// <summary>Keeps every recipient: the answer of the overload without a sink.</summary>
    private sealed class CollectingSink : IRecipientSink
    {
        public List<Recipient> Recipients { get; } = [];

        public Task WriteAsync(IReadOnlyList<Recipient> recipients, CancellationToken cancellationToken = default)
        {
            Recipients.AddRange(recipients);
            return Task.CompletedTask;
        }
    }
}
