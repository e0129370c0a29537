using System.Text.Json;

namespace Herald.Platforms.Email;

/// <summary>
/// What the secret store holds for one SMTP account, as JSON: the provider it belongs to (a key of
/// <see cref="EmailOptions.Providers"/>), the login, the sender address and name, and when the account was registered
/// (its warm-up starts then).
/// </summary>
/// <param name="Provider">The provider's name.</param>
/// <param name="Username">The SMTP login.</param>
/// <param name="Password">The SMTP password (an app password); never logged.</param>
/// <param name="FromAddress">The sender address.</param>
/// <param name="FromName">The sender's display name.</param>
/// <param name="StartedAt">When the account was registered: its warm-up ramp counts from here.</param>
public sealed record EmailCredentials(string Provider, string Username, string Password, string FromAddress, string? FromName, DateTimeOffset StartedAt)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The JSON to store.</summary>
    public string ToSecret() => JsonSerializer.Serialize(this, Json);

    /// <summary>Parses the stored JSON; null when it is not an SMTP account.</summary>
    public static EmailCredentials? Parse(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            return null;
        }

        try
        {
            var c = JsonSerializer.Deserialize<EmailCredentials>(secret, Json);
            return c is { Provider.Length: > 0, Username.Length: > 0, Password.Length: > 0, FromAddress.Length: > 0 } ? c : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"EmailCredentials {{ Provider = {Provider}, Username = {Username}, Password = *** }}";
}
