using Herald.Functions.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Herald.Functions.Http;

/// <summary>
/// Prometheus' scrape, the dashboard's configuration and the dashboard's files as HTTP functions, handed to Herald's own
/// pipeline as <see cref="HttpFunctions"/> does. The files are the local host's static-file middleware
/// (<c>UseHeraldDashboard</c>, not an endpoint), reached here through one catch-all GET that routing ranks below every
/// other route; a path that is no file gets the pipeline's answer (401 without credentials, as on the local host).
/// </summary>
public sealed class ObservabilityHttpFunctions(HeraldApplication herald)
{
    /// <summary>The catch-all function serving the dashboard's static files (no endpoint of the local host's table).</summary>
    public const string DashboardFilesName = "DashboardFiles";

    [Function("Metrics")]
    public Task<IActionResult> Metrics([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "metrics")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("DashboardConfig")]
    public Task<IActionResult> DashboardConfig([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard/config")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function(DashboardFilesName)]
    public Task<IActionResult> DashboardFiles([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "{*file}")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);
}
