using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Herald.Core.Imports;

/// <summary>
/// Reads a JSON array (at the root, or under <c>recipients</c>, <c>items</c>, <c>data</c>…) of objects — property
/// names are headers — or of strings and numbers (one column). Nested objects and arrays are ignored. Streams: the
/// document is read with <see cref="Utf8JsonReader"/> through a small buffer (<see cref="JsonListReader"/>) and only
/// one item is parsed at a time.
/// </summary>
internal sealed class JsonTableReader(ImportInput input, ImportOptions options) : ITableReader
{
    private Encoding _encoding = Encoding.UTF8;
    private int _skip;

    public TableRead Survey(CancellationToken cancellationToken)
    {
        using (var all = input.Open())
        {
            (_encoding, _skip) = TextDecoding.Detect(all, options.Fallback);
        }

        try
        {
            var list = new JsonListReader();
            var table = TableSurvey.Of(Rows(list, cancellationToken), options.MaxRows, headerPossible: false, cancellationToken);
            if (table is null)
            {
                return TableRead.TooManyRows(options.MaxRows);
            }

            if (!list.Found)
            {
                return TableRead.Fail(ImportErrorCodes.UnreadableFile, "The JSON is neither an array nor an object with a 'recipients' array.");
            }

            return TableRead.Of(table with { Headers = list.Objects ? list.Headers : null, NoHeader = !list.Objects });
        }
        catch (JsonException ex)
        {
            // Position only: the exception's message may quote the text around it.
            return TableRead.Fail(ImportErrorCodes.UnreadableFile, ex.LineNumber is { } line && ex.BytePositionInLine is { } at
                ? string.Create(CultureInfo.InvariantCulture, $"The JSON could not be parsed: it breaks off or is malformed at line {line + 1}, byte {at + 1} of that line.")
                : "The JSON could not be parsed.");
        }
    }

    public IEnumerable<RawRow> Rows(RawTable table, CancellationToken cancellationToken) => Rows(new JsonListReader(), cancellationToken);

    private IEnumerable<RawRow> Rows(JsonListReader list, CancellationToken cancellationToken)
    {
        // UTF-8 is parsed as it is; another encoding is transcoded on the way (what decoding it first used to do).
        var view = input.Open(_skip);
        using var utf8 = _encoding.CodePage == Encoding.UTF8.CodePage ? view : Encoding.CreateTranscodingStream(view, _encoding, Encoding.UTF8);
        foreach (var row in list.Read(utf8, cancellationToken))
        {
            yield return row;
        }
    }
}
