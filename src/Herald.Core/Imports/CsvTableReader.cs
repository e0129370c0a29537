using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Herald.Core.Imports;

/// <summary>
/// Reads delimited text with CsvHelper, streaming: decoding, an Excel <c>sep=</c> line, delimiter detection, RFC 4180
/// quotes.
/// </summary>
internal sealed class CsvTableReader(ImportInput input, ImportOptions options) : ITableReader
{
    private const int SniffLines = 50;
    private const int SniffBytes = 64 * 1024;
    private static readonly char[] Candidates = ['\t', ';', ','];

    private Encoding _encoding = Encoding.UTF8;
    private int _skip;
    private bool _sepLine;
    private char _delimiter = ',';

    public TableRead Survey(CancellationToken cancellationToken)
    {
        using (var all = input.Open())
        {
            (_encoding, _skip) = TextDecoding.Detect(all, options.Fallback);
        }

        // Only the head is decoded for sniffing: the rest is streamed to the parser.
        using (var body = input.Open(_skip))
        {
            var bytes = new byte[(int)Math.Min(SniffBytes, input.Length - _skip)];
            body.ReadExactly(bytes);
            var head = _encoding.GetString(bytes);
            var delimiter = options.Delimiter;
            _sepLine = TrySepLine(head, out var declared, out var rest);
            if (_sepLine)
            {
                delimiter ??= declared;
                head = rest;
            }

            _delimiter = delimiter ?? DetectDelimiter(head);
        }

        try
        {
            return TableSurvey.Of(Rows(cancellationToken), options.MaxRows, headerPossible: true, cancellationToken) is { } table
                ? TableRead.Of(table with { Delimiter = _delimiter })
                : TableRead.TooManyRows(options.MaxRows);
        }
        catch (CsvHelperException)
        {
            return TableRead.Fail(ImportErrorCodes.UnreadableFile, "The CSV file could not be read.");
        }
    }

    public IEnumerable<RawRow> Rows(RawTable table, CancellationToken cancellationToken) => Rows(cancellationToken);

    private IEnumerable<RawRow> Rows(CancellationToken cancellationToken)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = _delimiter.ToString(),
            HasHeaderRecord = false,
            BadDataFound = null,
            MissingFieldFound = null,
            IgnoreBlankLines = false,
            TrimOptions = TrimOptions.Trim,
        };
        using var text = new StreamReader(input.Open(_skip), _encoding, detectEncodingFromByteOrderMarks: false);
        if (_sepLine)
        {
            text.ReadLine();
        }

        using var parser = new CsvParser(text, config);
        var n = 0;
        while (parser.Read())
        {
            if (++n % 1024 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var record = parser.Record;
            yield return record is null || record.All(string.IsNullOrWhiteSpace) ? RawRow.BlankAt(parser.Row) : new RawRow(parser.Row, record);
        }
    }

    /// <summary>Excel writes <c>sep=;</c> as the first line to name the delimiter; it is not a row.</summary>
    private static bool TrySepLine(string text, out char delimiter, out string rest)
    {
        delimiter = default;
        rest = text;
        if (text.Length < 5 || !text.StartsWith("sep=", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var end = 5;
        if (end < text.Length && text[end] is not ('\r' or '\n'))
        {
            return false;
        }

        delimiter = text[4];
        end += end < text.Length && text[end] == '\r' ? 1 : 0;
        end += end < text.Length && text[end] == '\n' ? 1 : 0;
        rest = text[end..];
        return true;
    }

    /// <summary>
    /// The candidate found the same number of times (outside quotes) on the most lines of the first ones; ties go to
    /// tab, then <c>;</c>, then <c>,</c>; <c>,</c> when none occurs (a single column).
    /// </summary>
    internal static char DetectDelimiter(string text)
    {
        var lines = new List<int[]>();
        var counts = new int[Candidates.Length];
        var quoted = false;
        var any = false;
        for (var i = 0; i < text.Length && lines.Count < SniffLines; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\n' or '\r')
            {
                if (any)
                {
                    lines.Add(counts);
                }

                counts = new int[Candidates.Length];
                any = false;
                continue;
            }
            else if (!quoted && Array.IndexOf(Candidates, c) is var k and >= 0)
            {
                counts[k]++;
            }

            any |= !char.IsWhiteSpace(c);
        }

        if (any)
        {
            lines.Add(counts);
        }

        var best = ',';
        var bestScore = 0;
        for (var k = 0; k < Candidates.Length; k++)
        {
            var score = lines.Select(l => l[k]).Where(n => n > 0).GroupBy(n => n).Select(g => g.Count()).DefaultIfEmpty(0).Max();
            if (score > bestScore)
            {
                (best, bestScore) = (Candidates[k], score);
            }
        }

        return best;
    }
}
