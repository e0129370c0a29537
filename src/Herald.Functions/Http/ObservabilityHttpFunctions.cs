using Herald.Functions.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Herald.Functions.Http;

/// <summary>
/// Prometheus' scrape and the dashboard's configuration as HTTP functions, handed to Herald's own pipeline as
/// <see cref="HttpFunctions"/> does. The dashboard's static files are served by the local host only.
/// </summary>
public sealed class ObservabilityHttpFunctions(HeraldApplication herald)
{
    [Function("Metrics")]
    public Task<IActionResult> Metrics([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "metrics")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("DashboardConfig")]
    public Task<IActionResult> DashboardConfig([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard/config")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);
}
