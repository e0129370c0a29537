using System.Security.Cryptography;
using System.Text;
using Herald.Engine.Persistence;
using Herald.Host.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Herald.Host.Metrics;

/// <summary>Prometheus metrics (R27): prometheus-net instruments fed by the engine's meter, served at <c>GET /metrics</c>.</summary>
public static class MetricsExtensions
{
    /// <summary>The scrape path.</summary>
    public const string Path = "/metrics";

    /// <summary>Binds <see cref="MetricsOptions"/>, adds the instruments and the bridge from the engine's meter.</summary>
    public static IHostApplicationBuilder AddHeraldMetrics(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MetricsOptions>().Bind(builder.Configuration.GetSection(MetricsOptions.SectionName))
            .Validate(o => o.GaugeRefresh >= TimeSpan.Zero, $"{MetricsOptions.SectionName}:GaugeRefresh must not be negative.")
            .ValidateOnStart();
        services.TryAddSingleton<HeraldMetrics>();
        services.TryAddSingleton<EngineMeterBridge>();
        services.AddHostedService(sp => sp.GetRequiredService<EngineMeterBridge>());
        if (HostStorageExtensions.UsesStorage(builder))
        {
            // Without storage there is no engine, so no campaign gauges (and nothing for them to read).
            services.TryAddSingleton<CampaignGauges>();
        }

        return builder;
    }

    /// <summary>
    /// Maps <c>GET /metrics</c> (text exposition 0.0.4), anonymous unless <see cref="MetricsOptions.BearerToken"/> is
    /// set; the campaign gauges are refreshed first when the host has an engine.
    /// </summary>
    public static IEndpointRouteBuilder MapHeraldMetrics(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<MetricsOptions>>().Value.Enabled)
        {
            return app;
        }

        app.MapGet(Path, ScrapeAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task ScrapeAsync(HttpContext context, HeraldMetrics metrics, IOptions<MetricsOptions> options, ILogger<HeraldMetrics> logger)
    {
        if (options.Value.BearerToken is { Length: > 0 } expected && !Authorized(context.Request, expected))
        {
            Log.MetricsScrapeRefused(logger);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return;
        }

        // Without storage (no engine) there are no campaign gauges to read.
        if (context.RequestServices.GetService<EngineStorage>() is not null)
        {
            await context.RequestServices.GetRequiredService<CampaignGauges>().RefreshAsync(context.RequestAborted);
        }

        context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
        await metrics.Registry.CollectAndExportAsTextAsync(context.Response.Body, context.RequestAborted);
    }

    private static bool Authorized(HttpRequest request, string expected)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        const string Scheme = "Bearer ";
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim())),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }
}
