using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Herald.Core.Imports;

/// <summary>Reads delimited text with CsvHelper: decoding, an Excel <c>sep=</c> line, delimiter detection, RFC 4180 quotes.</summary>
internal static class CsvTableReader
{
    private const int SniffLines = 50;
    private const int SniffBytes = 64 * 1024;
    private static readonly char[] Candidates = ['\t', ';', ','];

    public static TableRead Read(ArraySegment<byte> bytes, ImportOptions options, CancellationToken cancellationToken)
    {
        // The text is streamed to the parser and only its head decoded for sniffing: a 20 MiB upload as one string would cost 40 MB.
        var (encoding, skip) = TextDecoding.Detect(bytes, options.Fallback);
        var body = bytes.Slice(skip);
        var head = encoding.GetString(body.AsSpan(0, Math.Min(body.Count, SniffBytes)));
        var delimiter = options.Delimiter;
        var sepLine = TrySepLine(head, out var declared, out var rest);
        if (sepLine)
        {
            delimiter ??= declared;
            head = rest;
        }

        delimiter ??= DetectDelimiter(head);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter.Value.ToString(),
            HasHeaderRecord = false,
            BadDataFound = null,
            MissingFieldFound = null,
            IgnoreBlankLines = false,
            TrimOptions = TrimOptions.Trim,
        };

        var rows = new List<RawRow>();
        var blank = new List<int>();
        try
        {
            using var text = new StreamReader(new MemoryStream(body.Array!, body.Offset, body.Count, writable: false), encoding, detectEncodingFromByteOrderMarks: false);
            if (sepLine)
            {
                text.ReadLine();
            }

            using var parser = new CsvParser(text, config);
            while (parser.Read())
            {
                if ((rows.Count + blank.Count) % 1024 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                // One more than the limit: the first row may be a header. Blank rows count: each one is reported.
                if (rows.Count + blank.Count > options.MaxRows)
                {
                    return TableRead.TooManyRows(options.MaxRows);
                }

                var record = parser.Record;
                if (record is null || record.All(string.IsNullOrWhiteSpace))
                {
                    blank.Add(parser.Row);
                    continue;
                }

                rows.Add(new RawRow(parser.Row, record));
            }
        }
        catch (CsvHelperException)
        {
            return TableRead.Fail(ImportErrorCodes.UnreadableFile, "The CSV file could not be read.");
        }

        return TableRead.Of(new RawTable(rows, Delimiter: delimiter) { BlankRows = blank });
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
