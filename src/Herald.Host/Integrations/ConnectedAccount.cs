using System.Text.Json.Serialization;

namespace Herald.Host.Integrations;

/// <summary>
/// One account of <c>GET /accounts?user_id=&amp;platform=</c> of integration-service:
/// <c>{"id","platform","type":"user|bot","name","status":"active|banned","proxy","credentials":{"secret_ref"}}</c>.
/// The credentials are a reference into the shared secret store, never the secret.
/// </summary>
public sealed record ConnectedAccount
{
    /// <summary>integration-service's id of the account.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The platform (<c>telegram</c>).</summary>
    [JsonPropertyName("platform")]
    public string? Platform { get; init; }

    /// <summary><c>user</c> (a TDLib user account) or <c>bot</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>A label.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary><c>active</c>, or <c>banned</c> when integration-service knows the account is banned.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>The account's proxy (R23), or null.</summary>
    [JsonPropertyName("proxy")]
    public string? Proxy { get; init; }

    /// <summary>Where its credentials are.</summary>
    [JsonPropertyName("credentials")]
    public ConnectedAccountCredentials? Credentials { get; init; }
}

/// <summary>The credentials of a <see cref="ConnectedAccount"/>: a secret reference.</summary>
public sealed record ConnectedAccountCredentials
{
    /// <summary>The secret's name in the shared secret store.</summary>
    [JsonPropertyName("secret_ref")]
    public string? SecretRef { get; init; }
}

/// <summary>The answer of <c>GET /accounts</c>: <c>{"accounts":[…]}</c>.</summary>
public sealed record ConnectedAccountList
{
    /// <summary>The accounts.</summary>
    [JsonPropertyName("accounts")]
    public IReadOnlyList<ConnectedAccount?>? Accounts { get; init; }
}
