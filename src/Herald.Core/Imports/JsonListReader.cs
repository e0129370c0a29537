using System.Text.Json;

namespace Herald.Core.Imports;

/// <summary>
/// Finds the list in a JSON document read from a stream and yields its items as rows, one item parsed at a time, while
/// checking the whole document's syntax (a broken document throws <see cref="JsonException"/> with its position).
/// The buffer grows only to hold the largest single item or skipped value.
/// </summary>
internal sealed class JsonListReader
{
    private static readonly string[] ListProperties = ["recipients", "items", "data", "results", "users", "rows"];

    private static readonly JsonReaderOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<RawRow> _ready = [];
    private JsonReaderState _state = new(Options);
    private Phase _phase = Phase.Root;
    private bool _rootIsObject;
    private bool? _objects;
    private int _number;

    private enum Phase
    {
        Root,
        RootObject,
        List,
        Rest,
        Done,
    }

    /// <summary>True once the list was found.</summary>
    public bool Found { get; private set; }

    /// <summary>True when the list's first item that is not null is an object (then property names are headers).</summary>
    public bool Objects => _objects == true;

    /// <summary>The property names met so far, in order of first appearance: the column headers.</summary>
    public List<string> Headers { get; } = [];

    public IEnumerable<RawRow> Read(Stream utf8, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var filled = 0;
        var final = false;
        while (_phase != Phase.Done)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!final)
            {
                var read = utf8.ReadAtLeast(buffer.AsSpan(filled), buffer.Length - filled, throwOnEndOfStream: false);
                filled += read;
                final = filled < buffer.Length;
            }

            var consumed = Step(buffer.AsSpan(0, filled), final);
            foreach (var row in _ready)
            {
                yield return row;
            }

            _ready.Clear();
            buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
            filled -= consumed;
            if (consumed == 0 && !final && filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
            else if (consumed == 0 && final && _phase != Phase.Done)
            {
                // The reader throws on a document that breaks off; this only guards against spinning on one that did not.
                throw new JsonException("The JSON ends before the list does.");
            }
        }
    }

    /// <summary>Reads whole units (a token, a property with its value, an item) and returns the bytes they took.</summary>
    private int Step(ReadOnlySpan<byte> data, bool final)
    {
        var reader = new Utf8JsonReader(data, final, _state);
        var done = 0;
        while (_phase != Phase.Done)
        {
            var complete = _phase switch
            {
                Phase.Root => StepRoot(ref reader),
                Phase.RootObject => StepProperty(ref reader),
                Phase.List => StepItem(ref reader),
                _ => StepRest(ref reader, final),
            };
            if (!complete)
            {
                break;
            }

            done = (int)reader.BytesConsumed;
            _state = reader.CurrentState;
        }

        return done;
    }

    private bool StepRoot(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            return false;
        }

        (_phase, _rootIsObject, Found) = reader.TokenType switch
        {
            JsonTokenType.StartArray => (Phase.List, false, true),
            JsonTokenType.StartObject => (Phase.RootObject, true, false),
            _ => (Phase.Rest, false, false),
        };
        return reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject || reader.TrySkip();
    }

    private bool StepProperty(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            return false;
        }

        if (reader.TokenType == JsonTokenType.EndObject)
        {
            _phase = Phase.Rest;
            return true;
        }

        var name = reader.GetString();
        if (!reader.Read())
        {
            return false;
        }

        if (reader.TokenType == JsonTokenType.StartArray && !Found && ListProperties.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            (_phase, Found) = (Phase.List, true);
            return true;
        }

        return reader.TrySkip();
    }

    private bool StepItem(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            return false;
        }

        if (reader.TokenType == JsonTokenType.EndArray)
        {
            _phase = _rootIsObject ? Phase.RootObject : Phase.Rest;
            return true;
        }

        if (!JsonDocument.TryParseValue(ref reader, out var document))
        {
            return false;
        }

        using (document)
        {
            _ready.Add(ToRow(++_number, document.RootElement));
        }

        return true;
    }

    private bool StepRest(ref Utf8JsonReader reader, bool final)
    {
        // Whatever follows must still be valid JSON (the reader throws on anything after the root value).
        if (reader.Read())
        {
            return true;
        }

        _phase = final ? Phase.Done : _phase;
        return final;
    }

    private RawRow ToRow(int number, JsonElement item)
    {
        if (item.ValueKind == JsonValueKind.Null)
        {
            return RawRow.BlankAt(number);
        }

        _objects ??= item.ValueKind == JsonValueKind.Object;
        if (_objects != (item.ValueKind == JsonValueKind.Object) || item.ValueKind == JsonValueKind.Array)
        {
            return new RawRow(number, null);
        }

        return new RawRow(number, _objects == true ? ObjectCells(item) : [Text(item)]);
    }

    private string?[] ObjectCells(JsonElement item)
    {
        var values = new List<(int Column, string? Text)>();
        foreach (var property in item.EnumerateObject())
        {
            if (!_index.TryGetValue(property.Name, out var column))
            {
                column = Headers.Count;
                _index.Add(property.Name, column);
                Headers.Add(property.Name);
            }

            values.Add((column, Text(property.Value)));
        }

        var cells = new string?[Headers.Count];
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
