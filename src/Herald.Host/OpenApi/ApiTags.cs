namespace Herald.Host.OpenApi;

/// <summary>The tags that group the OpenAPI document's operations, with the description each shows in Swagger UI and generated clients.</summary>
public static class ApiTags
{
    /// <summary><c>/api/whoami</c>.</summary>
    public const string Identity = "Identity";

    /// <summary><c>/api/audit</c>.</summary>
    public const string Audit = "Audit";

    /// <summary><c>/api/campaigns</c>.</summary>
    public const string Campaigns = "Campaigns";

    /// <summary><c>/api/imports</c>.</summary>
    public const string Imports = "Imports";

    /// <summary><c>/api/suppressions</c>.</summary>
    public const string Suppressions = "Suppressions";

    /// <summary><c>/api/accounts</c>.</summary>
    public const string Accounts = "Accounts";

    /// <summary><c>/api/messages</c>.</summary>
    public const string Messages = "Messages";

    /// <summary><c>/api/api-keys</c>.</summary>
    public const string ApiKeys = "API keys";

    /// <summary><c>/healthz</c> and <c>/readyz</c>.</summary>
    public const string Health = "Health";

    /// <summary>Each tag's description.</summary>
    public static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Identity] = "Who the caller is to Herald: tenant and authentication method.",
        [Audit] = "Who created, changed, controlled or removed what in the tenant, and when.",
        [Campaigns] = "Outreach campaigns: create, follow, change before the start, pause, resume, cancel, report, delete.",
        [Imports] = "Uploaded recipient lists (CSV, XLSX, JSON) with their provenance, for campaigns to use by id.",
        [Suppressions] = "Recipients the tenant never contacts again, kept as hashes.",
        [Accounts] = "Messenger accounts (Telegram bots and users): registration, live status, limits, enable and disable.",
        [Messages] = "Single bot messages: send, read, edit, delete, each at most once per Idempotency-Key.",
        [ApiKeys] = "The tenant's API keys for service clients: create, list, revoke.",
        [Health] = "Liveness and readiness probes, without authentication.",
    };
}
