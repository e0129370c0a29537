using Herald.Host.Secrets;

namespace Herald.Host.Integrations;

/// <summary>
/// The product's neighbouring services (R8), both optional (<c>Herald:Integrations</c>): integration-service (the tenant's
/// connected accounts, ban reports) and parsing-service (parsed audiences). Without a base URL a service is off: accounts
/// are registered through Herald's own API and campaigns name their recipients themselves.
/// </summary>
public sealed class IntegrationsOptions
{
    /// <summary>The configuration section (<c>Herald:Integrations</c>).</summary>
    public const string SectionName = "Herald:Integrations";

    /// <summary>integration-service (<c>Herald:Integrations:IntegrationService</c>).</summary>
    public ServiceEndpointOptions IntegrationService { get; set; } = new();

    /// <summary>parsing-service (<c>Herald:Integrations:ParsingService</c>).</summary>
    public ServiceEndpointOptions ParsingService { get; set; } = new();

    /// <summary>How often blocked accounts are looked for and reported to integration-service (default 30 s).</summary>
    public TimeSpan BanReportInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The problems of these settings, each naming its key; empty when valid.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var p in IntegrationService.Problems(SectionName + ":IntegrationService"))
        {
            yield return p;
        }

        foreach (var p in ParsingService.Problems(SectionName + ":ParsingService"))
        {
            yield return p;
        }

        if (BanReportInterval <= TimeSpan.Zero)
        {
            yield return $"{SectionName}:BanReportInterval must be positive.";
        }
    }
}

/// <summary>How Herald sends the service's key.</summary>
public enum ServiceAuthScheme
{
    /// <summary><c>Authorization: Bearer {key}</c> (the default).</summary>
    Bearer,

    /// <summary><c>X-Api-Key: {key}</c>.</summary>
    ApiKey,
}

/// <summary>One service: where it is, how Herald authenticates, how patiently it calls.</summary>
public sealed class ServiceEndpointOptions
{
    /// <summary>The base URL (<c>https://integration.internal/</c>); default none: the service is off.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The reference of the service's key in Herald's secret store (Key Vault or the local store); required with <see cref="BaseUrl"/>. The key itself is never configured.</summary>
    public string? ApiKeySecret { get; set; }

    /// <summary>How the key is sent (default <see cref="ServiceAuthScheme.Bearer"/>).</summary>
    public ServiceAuthScheme Auth { get; set; } = ServiceAuthScheme.Bearer;

    /// <summary>How long one attempt may take until its answer's headers (default 10 s).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after a 5xx answer, a timeout or a network failure, never after a 4xx (default 3, at most 10).</summary>
    public int Retries { get; set; } = 3;

    /// <summary>The first retry's delay, doubled for each next one, with jitter (default 1 s).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>True when a base URL is set.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(BaseUrl);

    /// <summary>The base address with a trailing slash.</summary>
    public Uri BaseUri => new(BaseUrl!.EndsWith('/') ? BaseUrl : BaseUrl + "/");

    internal IEnumerable<string> Problems(string section)
    {
        if (!IsConfigured)
        {
            yield break;
        }

        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            yield return $"{section}:BaseUrl must be an absolute http(s) URL.";
        }

        if (!SecretNames.IsValidReference(ApiKeySecret))
        {
            yield return $"{section}:ApiKeySecret must name the service's key in the secret store.";
        }

        if (Timeout <= TimeSpan.Zero || Retries is < 0 or > 10 || RetryDelay < TimeSpan.Zero)
        {
            yield return $"{section}: Timeout must be positive, Retries 0 to 10, RetryDelay not negative.";
        }
    }
}
