using Herald.Functions.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Herald.Functions.Http;

/// <summary>
/// whoami, audit, health probes and the OpenAPI document as HTTP functions: each hands its request to Herald's own pipeline and endpoint table
/// (<see cref="HeraldApplication.DispatchAsync"/>), so authentication, tenancy, validation, problem details and limits
/// are the local host's. Function-level keys are off (<see cref="AuthorizationLevel.Anonymous"/>): Herald authenticates.
/// </summary>
public sealed class IdentityFunctions(HeraldApplication herald)
{
    [Function("Liveness")]
    public Task<IActionResult> Liveness([HttpTrigger(AuthorizationLevel.Anonymous, Route = "healthz")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("Readiness")]
    public Task<IActionResult> Readiness([HttpTrigger(AuthorizationLevel.Anonymous, Route = "readyz")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("OpenApiDocument")]
    public Task<IActionResult> OpenApiDocument([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi/v1.json")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("WhoAmI")]
    public Task<IActionResult> WhoAmI([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/whoami")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("ListAudit")]
    public Task<IActionResult> ListAudit([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/audit")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);
}
