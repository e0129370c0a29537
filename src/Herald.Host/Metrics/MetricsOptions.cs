namespace Herald.Host.Metrics;

/// <summary>The Prometheus endpoint (<c>Herald:Metrics</c>).</summary>
public sealed class MetricsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Herald:Metrics";

    /// <summary>Serve <c>GET /metrics</c>. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// When set, a scrape must send <c>Authorization: Bearer &lt;token&gt;</c> (Prometheus' <c>authorization</c> or
    /// <c>bearer_token_file</c>); otherwise 401. Default none: the endpoint is open (it carries no tenant or recipient data).
    /// </summary>
    public string? BearerToken { get; set; }

    /// <summary>How long the campaign gauges (active tasks, speed, pending targets, tick queue) are reused between scrapes. Default 5 s.</summary>
    public TimeSpan GaugeRefresh { get; set; } = TimeSpan.FromSeconds(5);
}
