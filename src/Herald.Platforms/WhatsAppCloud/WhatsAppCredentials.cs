using System.Text.Json;
using System.Text.Json.Serialization;

namespace Herald.Platforms.WhatsAppCloud;

/// <summary>
/// What the secret store holds for one business number: its phone-number id and a (system-user) access token, as
/// the JSON <c>{"phoneNumberId":"…","accessToken":"…"}</c>.
/// </summary>
/// <param name="PhoneNumberId">The Cloud API's id of the number (digits).</param>
/// <param name="AccessToken">The bearer token; never logged.</param>
public sealed record WhatsAppCredentials(string PhoneNumberId, string AccessToken)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The JSON to store.</summary>
    public string ToSecret() => JsonSerializer.Serialize(new Stored { PhoneNumberId = PhoneNumberId, AccessToken = AccessToken }, Json);

    /// <summary>Parses the stored JSON; false when it is not a phone-number id (digits) and a token.</summary>
    public static bool TryParse(string? secret, out WhatsAppCredentials credentials)
    {
        credentials = null!;
        if (string.IsNullOrWhiteSpace(secret))
        {
            return false;
        }

        try
        {
            var stored = JsonSerializer.Deserialize<Stored>(secret, Json);
            if (stored?.PhoneNumberId is not { Length: > 0 and <= 30 } id || !id.All(char.IsAsciiDigit)
                || stored.AccessToken is not { Length: > 0 } token || token.Any(char.IsWhiteSpace))
            {
                return false;
            }

            credentials = new WhatsAppCredentials(id, token);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"WhatsAppCredentials {{ PhoneNumberId = {PhoneNumberId}, AccessToken = *** }}";

    private sealed class Stored
    {
        [JsonPropertyName("phoneNumberId")]
        public string? PhoneNumberId { get; set; }

        [JsonPropertyName("accessToken")]
        public string? AccessToken { get; set; }
    }
}
