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

    /// <summary>
    /// Reads <paramref name="content"/> (at most <see cref="ImportOptions.MaxBytes"/> of it; the stream is not disposed).
    /// Problems with the list come back as <see cref="ImportResult.Error"/> (too large, too many rows, unreadable,
    /// empty, unknown column…); invalid <paramref name="options"/> throw <see cref="ArgumentException"/>.
    /// </summary>
    public async Task<ImportResult> ImportAsync(
        Stream content, ImportFormat format, ImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        options ??= new ImportOptions();
        options.ThrowIfInvalid();
        var source = new RecipientSource(options.SourceKind, options.FileName, _timeProvider.GetUtcNow(), 0, 0);
        var read = await ReadLimitedAsync(content, options.MaxBytes, cancellationToken).ConfigureAwait(false);
        if (read is not { } bytes)
        {
            return ImportResult.Failed(
                new ImportError(ImportErrorCodes.TooLarge, $"The file is larger than {options.MaxBytes} bytes, the most one import takes."), format, source);
        }

        if (bytes.Count == 0)
        {
            return ImportResult.Failed(new ImportError(ImportErrorCodes.Empty, "The file is empty."), format, source);
        }

        if (format == ImportFormat.Auto)
        {
            format = DetectFormat(options.FileName, bytes);
        }

        var tableRead = format switch
        {
            ImportFormat.Csv => CsvTableReader.Read(bytes, options, cancellationToken),
            ImportFormat.Xlsx => XlsxTableReader.Read(bytes, options, t => RecipientSheet.IsLikely(t, options), cancellationToken),
            ImportFormat.Json => JsonTableReader.Read(bytes, options, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown import format."),
        };
        if (tableRead.Table is not { } table)
        {
            return ImportResult.Failed(tableRead.Error!, format, source);
        }

        var (mapped, error) = ColumnMapper.Map(table, options);
        if (mapped is null)
        {
            return ImportResult.Failed(error!, format, source);
        }

        var collector = new RecipientCollector(mapped.Columns, options.PhonesOr(_phones), options);
        var blank = 0;
        for (var i = 0; i < mapped.DataRows.Count; i++)
        {
            if (i % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            // Blank rows are reported in row order among the others.
            var row = mapped.DataRows[i];
            for (; blank < table.BlankRows.Count && table.BlankRows[blank] < row.Number; blank++)
            {
                collector.AddBlank(table.BlankRows[blank]);
            }

            collector.Add(row);
        }

        for (; blank < table.BlankRows.Count; blank++)
        {
            collector.AddBlank(table.BlankRows[blank]);
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

    // The content in one buffer, without the copy of MemoryStream.ToArray: a 20 MiB upload costs its size, not three times it.
    private static async Task<ArraySegment<byte>?> ReadLimitedAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        if (content.CanSeek && content.Length - content.Position > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream(content.CanSeek ? (int)(content.Length - content.Position) : 0);
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return new ArraySegment<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
