namespace Herald.Host.Validation;

/// <summary>Limits of the HTTP API, bound from <c>Herald:Api</c>.</summary>
public sealed class ApiOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Herald:Api";

    /// <summary>The largest JSON request body read by <see cref="ValidatedJson{T}"/>; larger ones get 413. Default: 4 MiB.</summary>
    public long MaxJsonBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// The most recipients one request may list inline (a campaign's <c>recipients</c>, a suppression request); more
    /// answer 400 naming the field (upload bigger lists through <c>POST /api/imports</c>). Default: 10,000.
    /// </summary>
    public int MaxInlineRecipients { get; set; } = 10_000;
}
