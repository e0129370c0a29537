namespace Herald.Simulator.Integrations;

/// <summary>
/// The simulated integration-service and parsing-service: the key every call must carry, each tenant's (<c>user_id</c>)
/// connected accounts and parsed audiences. Replaced at runtime with <c>POST /_sim/integrations/scenario</c>.
/// </summary>
public sealed class IntegrationsScenario
{
    /// <summary>The key callers send as <c>Authorization: Bearer {key}</c> or <c>X-Api-Key: {key}</c> (default <c>sim-integration-key</c>).</summary>
    public string ApiKey { get; set; } = "sim-integration-key";

    /// <summary>Accounts connected through integration-service, each owned by one <c>user_id</c>.</summary>
    public IList<SimConnectedAccount> Accounts { get; set; } = [];

    /// <summary>Audiences collected by parsing-service, each owned by one <c>user_id</c>.</summary>
    public IList<SimParsedData> ParsedData { get; set; } = [];
}

/// <summary>An account as integration-service lists it: its credentials are a reference to a secret, never the secret.</summary>
public sealed class SimConnectedAccount
{
    /// <summary>The owner (Herald's tenant id).</summary>
    public string UserId { get; set; } = "";

    /// <summary>integration-service's id of the account.</summary>
    public string Id { get; set; } = "";

    /// <summary><c>telegram</c>, <c>whatsapp</c>, …</summary>
    public string Platform { get; set; } = "telegram";

    /// <summary><c>user</c> or <c>bot</c>.</summary>
    public string Type { get; set; } = "user";

    /// <summary>A label.</summary>
    public string? Name { get; set; }

    /// <summary><c>active</c> or <c>banned</c>.</summary>
    public string Status { get; set; } = "active";

    /// <summary>The account's proxy (R23), or null.</summary>
    public string? Proxy { get; set; }

    /// <summary>Where the credentials live in the shared secret store.</summary>
    public string SecretRef { get; set; } = "";
}

/// <summary>A parsed audience.</summary>
public sealed class SimParsedData
{
    /// <summary>The dataset id.</summary>
    public string Id { get; set; } = "";

    /// <summary>The owner (Herald's tenant id).</summary>
    public string UserId { get; set; } = "";

    /// <summary><c>json</c> (a list of objects) or <c>csv</c>.</summary>
    public string Format { get; set; } = "json";

    /// <summary>The body served as it is.</summary>
    public string Content { get; set; } = "[]";
}

/// <summary>A ban report received on <c>POST /accounts/check</c>.</summary>
/// <param name="UserId">The tenant it names.</param>
/// <param name="AccountId">integration-service's account id, or null for an account Herald registered itself.</param>
/// <param name="HeraldAccountId">Herald's account id.</param>
/// <param name="Platform">The platform.</param>
/// <param name="Status">What Herald found (<c>banned</c>).</param>
/// <param name="Reason">Herald's reason code (<c>auth_key_unregistered</c>, …).</param>
/// <param name="DetectedAt">When Herald recorded the block.</param>
public sealed record SimBanReport(
    string UserId, string? AccountId, string HeraldAccountId, string Platform, string Status, string Reason, DateTimeOffset? DetectedAt);
