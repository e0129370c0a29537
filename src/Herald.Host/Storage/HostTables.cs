namespace Herald.Host.Storage;

/// <summary>The tables the host itself owns (the engine's are its own).</summary>
public static class HostTables
{
    /// <summary>The audit trail: partition = tenant, row key = newest first (<see cref="Audit.AuditKeys"/>).</summary>
    public const string Audit = "heraldaudit";

    /// <summary>API keys: one partition, row key = the key's SHA-256 (lowercase hex).</summary>
    public const string ApiKeys = "heraldapikeys";

    /// <summary>
    /// Uploaded recipient lists: the summary row (partition = tenant, row = import id) and its chunks (partition =
    /// <c>{tenant}|{import id}</c>, rows <c>r00000…</c> for recipients and <c>d00000…</c> for dropped rows).
    /// </summary>
    public const string Imports = "heraldimports";

    /// <summary>Single bot messages sent through the API: partition = tenant, row = message id.</summary>
    public const string Messages = "heraldmessages";

    /// <summary>Idempotency keys of the message API: partition = tenant, row = SHA-256 of the key (lowercase hex).</summary>
    public const string Idempotency = "heraldidempotency";

    /// <summary>Operator alerts last sent: partition = alert kind, row = SHA-256 of tenant and subject (lowercase hex).</summary>
    public const string Alerts = "heraldalerts";

    /// <summary>
    /// Accounts and integration-service: partition = tenant, row = Herald's account id; integration-service's id of an
    /// imported account and the block last reported (<see cref="Integrations.IntegrationLinks"/>).
    /// </summary>
    public const string IntegrationLinks = "heraldintegrationlinks";
}
