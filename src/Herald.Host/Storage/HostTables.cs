namespace Herald.Host.Storage;

/// <summary>The tables the host itself owns (the engine's are its own).</summary>
public static class HostTables
{
    /// <summary>The audit trail: partition = tenant, row key = newest first (<see cref="Audit.AuditKeys"/>).</summary>
    public const string Audit = "heraldaudit";

    /// <summary>API keys: one partition, row key = the key's SHA-256 (lowercase hex).</summary>
    public const string ApiKeys = "heraldapikeys";
}
