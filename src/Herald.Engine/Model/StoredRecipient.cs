using System.Text.Json;
using System.Text.Json.Serialization;
using Herald.Core.Domain;

namespace Herald.Engine.Model;

/// <summary>The stored form of a <see cref="Recipient"/> inside a target row (short names, no computed members).</summary>
internal sealed record StoredRecipient(
    [property: JsonPropertyName("u")] string? Username,
    [property: JsonPropertyName("i")] long? UserId,
    [property: JsonPropertyName("p")] string? Phone,
    [property: JsonPropertyName("n")] string? Name,
    [property: JsonPropertyName("f")] Dictionary<string, string>? Fields)
{
    public static string Write(Recipient r) => JsonSerializer.Serialize(
        new StoredRecipient(r.Username, r.UserId, r.Phone, r.Name,
            r.Fields is { Count: > 0 } f ? new Dictionary<string, string>(f, StringComparer.OrdinalIgnoreCase) : null),
        EngineJson.Options);

    public static Recipient Read(string? json)
    {
        var s = string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<StoredRecipient>(json, EngineJson.Options);
        return s is null
            ? new Recipient()
            : new Recipient(s.Username, s.UserId, s.Phone, s.Name,
                s.Fields is null ? null : new Dictionary<string, string>(s.Fields, StringComparer.OrdinalIgnoreCase));
    }
}
