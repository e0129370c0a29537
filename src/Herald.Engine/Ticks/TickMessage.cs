using System.Text.Json;
using System.Text.Json.Serialization;

namespace Herald.Engine.Ticks;

/// <summary>
/// The heartbeat of one account actor: "account A may act at <see cref="DueAt"/>, as tick
/// <see cref="TickId"/>". A tick whose id is not the account row's current tick id is stale and is
/// dropped, so redelivery, crashes and double scheduling never make one account act twice at once.
/// Delays longer than one queue hop are chained: a tick received before <see cref="DueAt"/> is put
/// back with the remaining delay.
/// </summary>
/// <param name="TenantId">The account's tenant.</param>
/// <param name="AccountId">The account.</param>
/// <param name="TickId">The id the account row must hold for this tick to be live.</param>
/// <param name="DueAt">When the account may act.</param>
public sealed record TickMessage(
    [property: JsonPropertyName("t")] string TenantId,
    [property: JsonPropertyName("a")] string AccountId,
    [property: JsonPropertyName("id")] string TickId,
    [property: JsonPropertyName("due")] DateTimeOffset DueAt)
{
    /// <summary>The queue message text.</summary>
    public string Serialize() => JsonSerializer.Serialize(this, TickJsonContext.Default.TickMessage);

    /// <summary>Reads a queue message; null when the text is not a tick (it is then parked as poison).</summary>
    public static TickMessage? TryParse(string text)
    {
        try
        {
            var tick = JsonSerializer.Deserialize(text, TickJsonContext.Default.TickMessage);
            return tick is { TenantId.Length: > 0, AccountId.Length: > 0, TickId.Length: > 0 } ? tick : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

[JsonSerializable(typeof(TickMessage))]
internal sealed partial class TickJsonContext : JsonSerializerContext;
