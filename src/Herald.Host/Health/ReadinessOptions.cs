namespace Herald.Host.Health;

/// <summary>Settings of <c>/readyz</c>, bound from <c>Herald:Readiness</c>.</summary>
public sealed class ReadinessOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Herald:Readiness";

    /// <summary>
    /// How long one check may take before it counts as failed (each health check registration's
    /// <c>Timeout</c>, unless it sets its own). Default: 5 seconds.
    /// </summary>
    public TimeSpan CheckTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
