using System.Globalization;
using ExcelDataReader;
using ExcelDataReader.Exceptions;

namespace Herald.Core.Imports;

/// <summary>
/// Reads a named sheet of a workbook with ExcelDataReader, else the first one that <c>holdsRecipients</c>, else the
/// first; numbers keep all their digits. Sheets are surveyed row by row (<see cref="TableSurvey"/>) and the chosen one
/// is read again for its rows, so no sheet is ever held whole.
/// </summary>
internal sealed class XlsxTableReader(ImportInput input, ImportOptions options, Func<RawTable, bool> holdsRecipients) : ITableReader
{
    public TableRead Survey(CancellationToken cancellationToken)
    {
        TextDecoding.EnsureCodePages();
        if (ZipInflateGuard.Check(input, options, cancellationToken) is { } refused)
        {
            return new TableRead(null, refused);
        }

        try
        {
            using var reader = Open();
            var sheets = new List<string>();
            TableRead? chosen = null, first = null;
            var index = 0;
            do
            {
                sheets.Add(reader.Name ?? string.Empty);
                if (chosen is not null)
                {
                    continue;
                }

                if (options.SheetName is { } wanted)
                {
                    chosen = string.Equals(reader.Name?.Trim(), wanted.Trim(), StringComparison.OrdinalIgnoreCase) ? SurveySheet(reader, index, cancellationToken) : null;
                    continue;
                }

                var read = SurveySheet(reader, index, cancellationToken);
                if (read.Table is { } table && holdsRecipients(table))
                {
                    chosen = read;
                }
                else
                {
                    first ??= read;
                }
            }
            while (++index > 0 && reader.NextResult());

            if ((chosen ?? first) is not { } result)
            {
                return TableRead.Fail(ImportErrorCodes.SheetNotFound,
                    $"The workbook has no sheet named '{options.SheetName}'; its sheets: {string.Join(", ", sheets.Select(s => $"'{s}'"))}.");
            }

            return result.Table is { } picked ? TableRead.Of(picked with { OtherSheets = [.. sheets.Where(s => s != picked.Sheet)] }) : result;
        }
        catch (Exception ex) when (IsUnreadable(ex))
        {
            // Only whole-file failures land here; the message of the exception may quote cell text, so it is not passed on.
            return TableRead.Fail(ImportErrorCodes.UnreadableFile, "The workbook could not be read (not an .xlsx/.xls file, or damaged).");
        }
    }

    public IEnumerable<RawRow> Rows(RawTable table, CancellationToken cancellationToken)
    {
        using var reader = Open();
        for (var i = 0; i < table.SheetIndex; i++)
        {
            reader.NextResult();
        }

        foreach (var row in SheetRows(reader, cancellationToken))
        {
            yield return row;
        }
    }

    private static bool IsUnreadable(Exception ex) => ex is ExcelReaderException or InvalidDataException or NotSupportedException or EndOfStreamException
        or FormatException or IndexOutOfRangeException or ArgumentException or InvalidOperationException or System.Xml.XmlException;

    private IExcelDataReader Open() =>
        ExcelReaderFactory.CreateReader(input.Open(), new ExcelReaderConfiguration { FallbackEncoding = options.Fallback });

    private TableRead SurveySheet(IExcelDataReader reader, int index, CancellationToken cancellationToken) =>
        TableSurvey.Of(SheetRows(reader, cancellationToken), options.MaxRows, headerPossible: true, cancellationToken) is { } table
            ? TableRead.Of(table with { Sheet = reader.Name, SheetIndex = index })
            : TableRead.TooManyRows(options.MaxRows);

    private static IEnumerable<RawRow> SheetRows(IExcelDataReader reader, CancellationToken cancellationToken)
    {
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

            yield return width == 0 ? RawRow.BlankAt(number) : new RawRow(number, width == cells.Length ? cells : cells[..width]);
        }
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
