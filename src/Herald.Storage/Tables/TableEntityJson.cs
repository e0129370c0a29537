using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Azure;

namespace Herald.Storage.Tables;

/// <summary>
/// OData JSON (minimal metadata) for entities: types the service cannot infer from JSON (Int64, Double,
/// DateTime, Guid, Binary) are written with a <c>Name@odata.type</c> annotation and read back from it.
/// </summary>
internal static class TableEntityJson
{
    private const string TypeSuffix = "@odata.type";

    public static byte[] Serialize(IEnumerable<KeyValuePair<string, object?>> properties)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in properties)
            {
                if (value is not null && name != "Timestamp" && !name.StartsWith("odata.", StringComparison.Ordinal))
                {
                    WriteValue(writer, name, value);
                }
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static void WriteValue(Utf8JsonWriter writer, string name, object value)
    {
        switch (value)
        {
            case string s:
                writer.WriteString(name, s);
                break;
            case bool b:
                writer.WriteBoolean(name, b);
                break;
            case int i:
                writer.WriteNumber(name, i);
                break;
            case short or byte or sbyte or ushort:
                writer.WriteNumber(name, Convert.ToInt32(value, CultureInfo.InvariantCulture));
                break;
            case long l:
                Annotate(writer, name, EdmValues.Int64);
                writer.WriteString(name, l.ToString(CultureInfo.InvariantCulture));
                break;
            case double or float:
                var d = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                Annotate(writer, name, EdmValues.Double);
                if (double.IsFinite(d))
                {
                    writer.WriteNumber(name, d);
                }
                else
                {
                    writer.WriteString(name, double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
                }

                break;
            case DateTimeOffset dto:
                Annotate(writer, name, EdmValues.DateTime);
                writer.WriteString(name, EdmValues.FormatDateTime(dto));
                break;
            case DateTime dt:
                Annotate(writer, name, EdmValues.DateTime);
                writer.WriteString(name, EdmValues.FormatDateTime(EdmValues.ToOffset(dt)));
                break;
            case Guid g:
                Annotate(writer, name, EdmValues.Guid);
                writer.WriteString(name, g.ToString("D"));
                break;
            case byte[] bytes:
                Annotate(writer, name, EdmValues.Binary);
                writer.WriteBase64String(name, bytes);
                break;
            case BinaryData data:
                Annotate(writer, name, EdmValues.Binary);
                writer.WriteBase64String(name, data.ToMemory().Span);
                break;
            case Enum e:
                writer.WriteString(name, e.ToString());
                break;
            default:
                throw new NotSupportedException(
                    $"Property '{name}' is a {value.GetType().Name}; tables store string, int, long, double, bool, DateTimeOffset, DateTime, Guid, byte[] and enums (as strings).");
        }
    }

    public static TableEntity ReadEntity(JsonElement element)
    {
        var entity = new TableEntity();
        Dictionary<string, string>? types = null;
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.EndsWith(TypeSuffix, StringComparison.Ordinal))
            {
                types ??= new Dictionary<string, string>(StringComparer.Ordinal);
                types[property.Name[..^TypeSuffix.Length]] = property.Value.GetString() ?? string.Empty;
            }
        }

        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            if (name == "odata.etag")
            {
                entity.ETag = new ETag(property.Value.GetString() ?? string.Empty);
                continue;
            }

            if (name.StartsWith("odata.", StringComparison.Ordinal) || name.Contains('@', StringComparison.Ordinal))
            {
                continue;
            }

            var edmType = types is not null && types.TryGetValue(name, out var t) ? t : name == "Timestamp" ? EdmValues.DateTime : null;
            var value = ReadValue(property.Value, edmType);
            if (value is not null)
            {
                entity[name] = value;
            }
        }

        return entity;
    }

    private static object? ReadValue(JsonElement value, string? edmType) => value.ValueKind switch
    {
        JsonValueKind.String => edmType switch
        {
            EdmValues.Int64 => long.Parse(value.GetString()!, NumberStyles.Integer, CultureInfo.InvariantCulture),
            EdmValues.Double => double.Parse(value.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture),
            EdmValues.DateTime => EdmValues.ParseDateTime(value.GetString()!),
            EdmValues.Guid => Guid.Parse(value.GetString()!),
            EdmValues.Binary => value.GetBytesFromBase64(),
            _ => value.GetString(),
        },
        JsonValueKind.Number => edmType switch
        {
            // Each arm is boxed on purpose: without the casts the switch's type would be double for all of them.
            EdmValues.Double => (object)value.GetDouble(),
            EdmValues.Int64 => (object)value.GetInt64(),
            _ when IsIntegral(value) && value.TryGetInt32(out var i) => (object)i,
            _ when IsIntegral(value) && value.TryGetInt64(out var l) => (object)l,
            _ => (object)value.GetDouble(),
        },
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    // The service writes an integral Double as "1.0" and an Int32 as "1": the text tells them apart.
    private static bool IsIntegral(JsonElement value) => value.GetRawText().AsSpan().IndexOfAny(".eE") < 0;

    private static void Annotate(Utf8JsonWriter writer, string name, string edmType) =>
        writer.WriteString(name + TypeSuffix, edmType);
}
