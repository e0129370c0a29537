using Herald.Host.Health;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Herald.Host.Apis;

/// <summary><c>/healthz</c> (liveness) and <c>/readyz</c> (readiness) on ASP.NET Core health checks, both without authentication.</summary>
public static class HealthApi
{
    /// <summary>The liveness path: 200 while the process serves requests; runs no check.</summary>
    public const string LivenessPath = "/healthz";

    /// <summary>The readiness path: 200 when every check tagged <see cref="HealthExtensions.ReadyTag"/> passes, else 503.</summary>
    public const string ReadinessPath = "/readyz";

    /// <summary>Maps the two probes.</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(LivenessPath, new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = HealthResponses.WriteLivenessAsync,
        }).AllowAnonymous().WithDisplayName("Liveness");
        app.MapHealthChecks(ReadinessPath, new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(HealthExtensions.ReadyTag),
            ResponseWriter = HealthResponses.WriteReadinessAsync,
        }).AllowAnonymous().WithDisplayName("Readiness");
        return app;
    }
}
