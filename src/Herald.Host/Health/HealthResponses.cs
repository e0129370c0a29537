using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using HealthStatus = Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus;

namespace Herald.Host.Health;

/// <summary>
/// The bodies of the health endpoints: <c>{"status":"ok"}</c> for liveness; for readiness <c>{"status":"ready","checks":[…]}</c>,
/// or on 503 RFC 7807 problem details (<c>application/problem+json</c>, <c>Retry-After</c>) naming the failed checks.
/// </summary>
internal static class HealthResponses
{
    /// <summary>How long a client should wait before asking again after a 503.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    // What the health check service says of a check that ran past its registration's timeout.
    private const string FrameworkTimeout = "A timeout occurred while running check.";

    public static Task WriteLivenessAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new HealthAnswer("ok", null), context.RequestAborted);

    public static async Task WriteReadinessAsync(HttpContext context, HealthReport report)
    {
        var checks = report.Entries.Select(e => Describe(e.Key, e.Value)).ToList();
        if (report.Status != HealthStatus.Unhealthy)
        {
            await context.Response.WriteAsJsonAsync(new HealthAnswer("ready", checks), context.RequestAborted);
            return;
        }

        context.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service unavailable",
                Detail = $"Not ready: {string.Join(", ", checks.Where(c => c.Status != "ready").Select(c => c.Name))}.",
                Extensions = { ["checks"] = checks },
            },
        });
    }

    private static CheckAnswer Describe(string name, HealthReportEntry entry)
    {
        if (entry.Status != HealthStatus.Unhealthy)
        {
            return new CheckAnswer(name, "ready", null);
        }

        // A thrown exception's message may carry connection details: name its type only (the framework logs the rest).
        var detail = entry.Exception switch
        {
            null => entry.Description,
            _ when entry.Description is { } own && own != entry.Exception.Message && own != FrameworkTimeout => own,
            OperationCanceledException => "The check timed out.",
            _ => $"The check failed ({entry.Exception.GetType().Name}).",
        };
        return new CheckAnswer(name, "not_ready", detail);
    }
}

/// <summary>The body of a healthy probe answer.</summary>
/// <param name="Status"><c>ok</c> (liveness) or <c>ready</c>.</param>
/// <param name="Checks">The readiness checks run (readiness only).</param>
public sealed record HealthAnswer(
    string Status,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<CheckAnswer>? Checks);

/// <summary>One check's line in the <c>/readyz</c> answer.</summary>
/// <param name="Name">The check.</param>
/// <param name="Status"><c>ready</c> or <c>not_ready</c>.</param>
/// <param name="Detail">Why not ready (never an exception's message).</param>
public sealed record CheckAnswer(string Name, string Status, string? Detail);
