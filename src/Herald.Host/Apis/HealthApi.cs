using System.Text.Json.Serialization;
using Herald.Host.Health;
using Herald.Host.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Host.Apis;

/// <summary><c>/healthz</c> (liveness) and <c>/readyz</c> (readiness), both without authentication.</summary>
public static class HealthApi
{
    /// <summary>Maps the two probes.</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", GetLiveness).AllowAnonymous().WithTags("Health").WithName("Liveness");
        app.MapGet("/readyz", GetReadinessAsync).AllowAnonymous().WithTags("Health").WithName("Readiness");
        return app;
    }

    /// <summary>200 while the process serves requests; checks nothing else.</summary>
    public static Ok<HealthStatus> GetLiveness() => TypedResults.Ok(new HealthStatus("ok", null));

    /// <summary>200 when every dependency check passes, else 503 problem details listing the checks.</summary>
    internal static async Task<Results<Ok<HealthStatus>, ProblemHttpResult>> GetReadinessAsync(ReadinessProbe probe, CancellationToken cancellationToken)
    {
        var checks = await probe.RunAsync(cancellationToken);
        if (checks.All(c => c.Status == "ready"))
        {
            return TypedResults.Ok(new HealthStatus("ready", checks));
        }

        return ProblemFactory.ServiceUnavailable(
            $"Not ready: {string.Join(", ", checks.Where(c => c.Status != "ready").Select(c => c.Name))}.",
            new Dictionary<string, object?> { ["checks"] = checks });
    }
}

/// <summary>The body of a healthy probe answer.</summary>
/// <param name="Status"><c>ok</c> (liveness) or <c>ready</c>.</param>
/// <param name="Checks">The readiness checks run, when any.</param>
public sealed record HealthStatus(
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<CheckOutcome>? Checks);
