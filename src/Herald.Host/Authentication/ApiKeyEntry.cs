namespace Herald.Host.Authentication;

/// <summary>One API key as configured: never the key itself, only its SHA-256 hash and its owner.</summary>
public sealed class ApiKeyEntry
{
    /// <summary>A label for logs and audit (e.g. the service's name). Not secret.</summary>
    public string Name { get; set; } = "";

    /// <summary>The tenant the key acts for.</summary>
    public string TenantId { get; set; } = "";

    /// <summary>The lowercase or uppercase hex SHA-256 of the key's UTF-8 bytes (64 characters).</summary>
    public string Sha256 { get; set; } = "";
}
