using System.Text.Json;
using System.Text.Json.Serialization;

namespace Herald.Engine.Campaigns;

/// <summary>A scheduled start: "campaign C of tenant T starts at <see cref="DueAt"/>", chained like ticks.</summary>
public sealed record ControlMessage(
    [property: JsonPropertyName("t")] string TenantId,
    [property: JsonPropertyName("c")] string CampaignId,
    [property: JsonPropertyName("due")] DateTimeOffset DueAt)
{
    /// <summary>The queue message text.</summary>
    public string Serialize() => JsonSerializer.Serialize(this, ControlJsonContext.Default.ControlMessage);

    /// <summary>Reads a queue message; null when it is not a control message.</summary>
    public static ControlMessage? TryParse(string text)
    {
        try
        {
            var m = JsonSerializer.Deserialize(text, ControlJsonContext.Default.ControlMessage);
            return m is { TenantId.Length: > 0, CampaignId.Length: > 0 } ? m : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

[JsonSerializable(typeof(ControlMessage))]
internal sealed partial class ControlJsonContext : JsonSerializerContext;
