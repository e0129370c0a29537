namespace Herald.Host.Validation;

/// <summary>Limits of the HTTP API, bound from <c>Herald:Api</c>.</summary>
public sealed class ApiOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Herald:Api";

    /// <summary>The largest JSON request body read by <see cref="ValidatedJson{T}"/>; larger ones get 413. Default: 4 MiB.</summary>
    public long MaxJsonBodyBytes { get; set; } = 4 * 1024 * 1024;
}
