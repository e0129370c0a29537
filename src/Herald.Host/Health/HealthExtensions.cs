using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Herald.Host.Health;

/// <summary>Registers ASP.NET Core health checks for <c>/healthz</c> and <c>/readyz</c>.</summary>
public static class HealthExtensions
{
    /// <summary>The tag of the checks <c>/readyz</c> runs; <c>/healthz</c> runs none.</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// Adds the health check service (dependencies add theirs with <c>AddHealthChecks().AddCheck&lt;T&gt;(name, tags:
    /// [<see cref="ReadyTag"/>])</c>) and gives every registration without a timeout of its own
    /// <see cref="ReadinessOptions.CheckTimeout"/>.
    /// </summary>
    public static IHostApplicationBuilder AddHeraldHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReadinessOptions>()
            .Bind(builder.Configuration.GetSection(ReadinessOptions.SectionName))
            .Validate(o => o.CheckTimeout > TimeSpan.Zero, $"{ReadinessOptions.SectionName}:CheckTimeout must be positive.")
            .ValidateOnStart();
        builder.Services.AddHealthChecks();
        builder.Services.AddOptions<HealthCheckServiceOptions>().PostConfigure<IOptions<ReadinessOptions>>((health, readiness) =>
        {
            foreach (var registration in health.Registrations.Where(r => r.Timeout == Timeout.InfiniteTimeSpan))
            {
                registration.Timeout = readiness.Value.CheckTimeout;
            }
        });
        return builder;
    }
}
