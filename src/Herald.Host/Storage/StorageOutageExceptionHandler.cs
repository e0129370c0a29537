using System.Globalization;
using Herald.Host.Health;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Herald.Host.Storage;

/// <summary>
/// Answers a request that failed because storage is down or hanging (<see cref="StorageOutage"/>) with 503 problem
/// details and <c>Retry-After</c> instead of 500. Runs in <c>UseExceptionHandler</c>; other exceptions pass on.
/// </summary>
internal sealed class StorageOutageExceptionHandler(IProblemDetailsService problems, ILogger<StorageOutageExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.RequestAborted.IsCancellationRequested || !StorageOutage.IsOutage(exception))
        {
            return false;
        }

        var reason = StorageOutage.Describe(exception);
        Log.StorageUnavailable(logger, httpContext.Request.Method, httpContext.GetEndpoint()?.DisplayName ?? "unknown", reason);
        var retryAfter = (int)HealthResponses.RetryAfter.TotalSeconds;
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service unavailable",
                Detail = $"{reason} Try again in {retryAfter} seconds.",
                Extensions = { ["retryAfterSeconds"] = retryAfter },
            },
        });
    }
}
