using Herald.Functions.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Herald.Functions.Http;

/// <summary>
/// <c>/api/suppressions</c> as HTTP functions: each hands its request to Herald's own pipeline and endpoint table
/// (<see cref="HeraldApplication.DispatchAsync"/>), so authentication, tenancy, validation, problem details and limits
/// are the local host's. Function-level keys are off (<see cref="AuthorizationLevel.Anonymous"/>): Herald authenticates.
/// </summary>
public sealed class SuppressionsFunctions(HeraldApplication herald)
{
    [Function("ListSuppressions")]
    public Task<IActionResult> ListSuppressions([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/suppressions")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("AddSuppressions")]
    public Task<IActionResult> AddSuppressions([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/suppressions")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("RemoveSuppression")]
    public Task<IActionResult> RemoveSuppression([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/suppressions/{hash}")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);
}
