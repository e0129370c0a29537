using System.Text.Json;
using System.Text.Json.Serialization;

namespace Herald.Platforms.TelegramUser;

/// <summary>
/// What a user account's secret (in <see cref="Abstractions.ISecretStore"/>) holds: the app's api_id/api_hash, the phone,
/// and TDLib's <c>database_encryption_key</c> for its session directory. Never logged, never in tables or answers.
/// </summary>
/// <param name="ApiId">The Telegram app's api_id.</param>
/// <param name="ApiHash">The Telegram app's api_hash.</param>
/// <param name="Phone">The account's phone (E.164).</param>
/// <param name="DatabaseKey">The session's encryption key, base64.</param>
public sealed record TelegramUserCredentials(
    [property: JsonPropertyName("apiId")] int ApiId,
    [property: JsonPropertyName("apiHash")] string ApiHash,
    [property: JsonPropertyName("phone")] string Phone,
    [property: JsonPropertyName("databaseKey")] string DatabaseKey)
{
    /// <summary>The secret's value.</summary>
    public string Serialize() => JsonSerializer.Serialize(this);

    /// <summary>Reads a secret's value, or null when it is not one of these.</summary>
    public static TelegramUserCredentials? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<TelegramUserCredentials>(value) is { ApiHash.Length: > 0, DatabaseKey.Length: > 0 } c ? c : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Credentials with a fresh random 32-byte database key.</summary>
    public static TelegramUserCredentials Create(int apiId, string apiHash, string phone) =>
        new(apiId, apiHash, phone, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
}
