using System.Globalization;
using ExcelDataReader;
using ExcelDataReader.Exceptions;

namespace Herald.Core.Imports;

/// <summary>
/// Reads a named sheet of a workbook with ExcelDataReader, else the first one that <c>holdsRecipients</c>, else the
/// first; numbers keep all their digits. At most two sheets are held at once (the first and the one being read).
/// </summary>
internal static class XlsxTableReader
{
    public static TableRead Read(ArraySegment<byte> bytes, ImportOptions options, Func<RawTable, bool> holdsRecipients, CancellationToken cancellationToken)
    {
        TextDecoding.EnsureCodePages();
        if (ZipInflateGuard.Check(bytes, options, cancellationToken) is { } refused)
        {
            return new TableRead(null, refused);
        }

        try
        {
            using var stream = new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false);
            using var reader = ExcelReaderFactory.CreateReader(stream, new ExcelReaderConfiguration { FallbackEncoding = options.Fallback });
            var sheets = new List<string>();
            TableRead? chosen = null, first = null;
            do
            {
                sheets.Add(reader.Name ?? string.Empty);
                if (chosen is not null)
                {
                    continue;
                }

                if (options.SheetName is { } wanted)
                {
                    chosen = string.Equals(reader.Name?.Trim(), wanted.Trim(), StringComparison.OrdinalIgnoreCase) ? ReadSheet(reader, options.MaxRows, cancellationToken) : null;
                    continue;
                }

                var read = ReadSheet(reader, options.MaxRows, cancellationToken);
                if (read.Table is { } table && holdsRecipients(table))
                {
                    chosen = read;
                }
                else
                {
                    first ??= read;
                }
            }
            while (reader.NextResult());

            if ((chosen ?? first) is not { } result)
            {
                return TableRead.Fail(ImportErrorCodes.SheetNotFound,
                    $"The workbook has no sheet named '{options.SheetName}'; its sheets: {string.Join(", ", sheets.Select(s => $"'{s}'"))}.");
            }

            return result.Table is { } picked ? TableRead.Of(picked with { OtherSheets = [.. sheets.Where(s => s != picked.Sheet)] }) : result;
        }
        catch (Exception ex) when (ex is ExcelReaderException or InvalidDataException or NotSupportedException or EndOfStreamException
            or FormatException or IndexOutOfRangeException or ArgumentException or InvalidOperationException or System.Xml.XmlException)
        {
            // Only whole-file failures land here; the message of the exception may quote cell text, so it is not passed on.
            return TableRead.Fail(ImportErrorCodes.UnreadableFile, "The workbook could not be read (not an .xlsx/.xls file, or damaged).");
        }
    }

    private static TableRead ReadSheet(IExcelDataReader reader, int maxRows, CancellationToken cancellationToken)
    {
        var rows = new List<RawRow>();
        var blank = new List<int>();
        var number = 0;
        while (reader.Read())
        {
            number++;
            if (number % 1024 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            // FieldCount spans every formatted column; keep cells up to the last one with text.
            var cells = new string?[reader.FieldCount];
            var width = 0;
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = CellText(reader.GetValue(i));
                width = string.IsNullOrWhiteSpace(cells[i]) ? width : i + 1;
            }

            // One more than the limit: the first row may be a header. Blank rows count: each one is reported.
            if (rows.Count + blank.Count > maxRows)
            {
                return TableRead.TooManyRows(maxRows);
            }

            if (width == 0)
            {
                blank.Add(number);
                continue;
            }

            rows.Add(new RawRow(number, width == cells.Length ? cells : cells[..width]));
        }

        return TableRead.Of(new RawTable(rows, Sheet: reader.Name) { BlankRows = blank });
    }

    /// <summary>Excel stores phones and ids as doubles: whole numbers print without exponent or decimals.</summary>
    private static string? CellText(object? value) => value switch
    {
        null => null,
        string s => s,
        double d when Math.Abs(d) < 1e15 && d == Math.Floor(d) => d.ToString("0", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime t => t.ToString(t.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
