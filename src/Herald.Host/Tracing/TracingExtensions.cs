using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Herald.Host.Tracing;

/// <summary>OpenTelemetry traces: requests, outgoing HTTP (Bot API, JWKS) and Herald's own sources, tokens removed, OTLP when configured.</summary>
public static class TracingExtensions
{
    /// <summary>Adds tracing when <see cref="TracingOptions.Enabled"/> or an <see cref="TracingOptions.OtlpEndpoint"/> is set; otherwise nothing.</summary>
    public static IHostApplicationBuilder AddHeraldTracing(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(TracingOptions.SectionName).Get<TracingOptions>() ?? new TracingOptions();
        if (!options.Enabled && options.OtlpEndpoint is null)
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource("Herald.*")
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddProcessor(new BotTokenRedactor());
                if (options.OtlpEndpoint is { } endpoint)
                {
                    tracing.AddOtlpExporter(otlp => otlp.Endpoint = endpoint);
                }
            });
        return builder;
    }
}
