namespace Herald.Host.Tracing;

/// <summary>Traces through OpenTelemetry (<c>Herald:Tracing</c>). Off by default.</summary>
public sealed class TracingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Herald:Tracing";

    /// <summary>Record traces (ASP.NET Core requests, outgoing HTTP calls) even without an exporter. Default false; an <see cref="OtlpEndpoint"/> turns tracing on.</summary>
    public bool Enabled { get; set; }

    /// <summary>Where to export spans with OTLP (e.g. <c>http://127.0.0.1:4317</c>). Default none: no exporter.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>The service name on every span. Default <c>herald</c>.</summary>
    public string ServiceName { get; set; } = "herald";
}
