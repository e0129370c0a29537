using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Herald.Core.Imports;

/// <summary>
/// Reads a JSON array (at the root, or under <c>recipients</c>, <c>items</c>, <c>data</c>…) of objects — property
/// names are headers — or of strings and numbers (one column). Nested objects and arrays are ignored.
/// </summary>
internal static class JsonTableReader
{
    private static readonly string[] ListProperties = ["recipients", "items", "data", "results", "users", "rows"];

    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static TableRead Read(ArraySegment<byte> bytes, ImportOptions options, CancellationToken cancellationToken)
    {
        try
        {
            // UTF-8 is parsed as it is: decoding a 20 MiB list to a string first would cost 40 MB more, and as much again to parse it.
            var (encoding, skip) = TextDecoding.Detect(bytes, options.Fallback);
            using var document = encoding.CodePage == Encoding.UTF8.CodePage
                ? JsonDocument.Parse(bytes.AsMemory(skip), Options)
                : JsonDocument.Parse(TextDecoding.Decode(bytes, options.Fallback), Options);
            if (FindList(document.RootElement) is not { } list)
            {
                return TableRead.Fail(ImportErrorCodes.UnreadableFile, "The JSON is neither an array nor an object with a 'recipients' array.");
            }

            if (list.GetArrayLength() > options.MaxRows)
            {
                return TableRead.TooManyRows(options.MaxRows);
            }

            var objects = list.EnumerateArray().FirstOrDefault(e => e.ValueKind != JsonValueKind.Null).ValueKind == JsonValueKind.Object;
            var headers = new List<string>();
            var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var rows = new List<RawRow>();
            var blank = new List<int>();
            var number = 0;
            foreach (var item in list.EnumerateArray())
            {
                number++;
                if (number % 1024 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                if (item.ValueKind == JsonValueKind.Null)
                {
                    blank.Add(number);
                    continue;
                }

                if (objects != (item.ValueKind == JsonValueKind.Object) || item.ValueKind == JsonValueKind.Array)
                {
                    rows.Add(new RawRow(number, null));
                    continue;
                }

                rows.Add(new RawRow(number, objects ? ObjectCells(item, headers, index) : [Text(item)]));
            }

            return TableRead.Of(new RawTable(rows, objects ? headers : null, NoHeader: !objects) { BlankRows = blank });
        }
        catch (JsonException ex)
        {
            // Position only: the exception's message may quote the text around it.
            return TableRead.Fail(ImportErrorCodes.UnreadableFile, ex.LineNumber is { } line && ex.BytePositionInLine is { } at
                ? string.Create(CultureInfo.InvariantCulture, $"The JSON could not be parsed: it breaks off or is malformed at line {line + 1}, byte {at + 1} of that line.")
                : "The JSON could not be parsed.");
        }
    }

    private static JsonElement? FindList(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            return root;
        }

        if (root.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in root.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Array && ListProperties.Contains(property.Name, StringComparer.OrdinalIgnoreCase))
                {
                    return property.Value;
                }
            }
        }

        return null;
    }

    private static string?[] ObjectCells(JsonElement item, List<string> headers, Dictionary<string, int> index)
    {
        var values = new List<(int Column, string? Text)>();
        foreach (var property in item.EnumerateObject())
        {
            if (!index.TryGetValue(property.Name, out var column))
            {
                column = headers.Count;
                index.Add(property.Name, column);
                headers.Add(property.Name);
            }

            values.Add((column, Text(property.Value)));
        }

        var cells = new string?[headers.Count];
        foreach (var (column, text) in values)
        {
            cells[column] = text;
        }

        return cells;
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };
}
