using System.Globalization;
using System.Text.Json;

namespace Herald.Simulator.Telegram;

/// <summary>
/// The parameters of one Bot API call, from wherever Telegram accepts them: the query string,
/// a JSON body, or a urlencoded / multipart form (body values win over query values).
/// </summary>
internal sealed class BotApiParameters
{
    private readonly Dictionary<string, JsonElement> _values;

    private BotApiParameters(Dictionary<string, JsonElement> values) => _values = values;

    /// <summary>Reads the parameters, or returns null when a JSON body does not parse.</summary>
    public static async Task<BotApiParameters?> ReadAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query)
        {
            values[key] = JsonSerializer.SerializeToElement(value.ToString());
        }

        if (request.HasJsonContentType())
        {
            try
            {
                using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return null;
                }

                foreach (var property in document.RootElement.EnumerateObject())
                {
                    values[property.Name] = property.Value.Clone();
                }
            }
            catch (JsonException)
            {
                return null;
            }
        }
        else if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            foreach (var (key, value) in form)
            {
                values[key] = JsonSerializer.SerializeToElement(value.ToString());
            }
        }

        return new BotApiParameters(values);
    }

    public bool Has(string name) => _values.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null;

    public string? String(string name) => _values.TryGetValue(name, out var value)
        ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => value.GetRawText(),
        }
        : null;

    /// <summary>An integer parameter; <paramref name="valid"/> is false when present but not an integer.</summary>
    public long? Long(string name, out bool valid)
    {
        valid = true;
        if (!_values.TryGetValue(name, out var value) || value.ValueKind is JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
        {
            return number;
        }

        if (value.ValueKind == JsonValueKind.String
            && long.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number))
        {
            return number;
        }

        valid = false;
        return null;
    }

    public bool? Bool(string name)
    {
        if (!_values.TryGetValue(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String => value.GetString() switch
            {
                "true" or "True" or "1" => true,
                "false" or "False" or "0" or "" => false,
                _ => null,
            },
            JsonValueKind.Number => value.TryGetInt64(out var n) ? n != 0 : null,
            _ => null,
        };
    }

    /// <summary>A JSON-valued parameter (<c>reply_markup</c>): an object in a JSON body, or a JSON string in a form.</summary>
    public JsonElement? Json(string name, out bool valid)
    {
        valid = true;
        if (!_values.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return value;
        }

        try
        {
            using var document = JsonDocument.Parse(value.GetString() ?? "");
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            valid = false;
            return null;
        }
    }
}
