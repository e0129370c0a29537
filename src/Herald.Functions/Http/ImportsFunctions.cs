using Herald.Functions.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Herald.Functions.Http;

/// <summary>
/// <c>/api/imports</c> as HTTP functions: each hands its request to Herald's own pipeline and endpoint table
/// (<see cref="HeraldApplication.DispatchAsync"/>), so authentication, tenancy, validation, problem details and limits
/// are the local host's. Function-level keys are off (<see cref="AuthorizationLevel.Anonymous"/>): Herald authenticates.
/// </summary>
public sealed class ImportsFunctions(HeraldApplication herald)
{
    [Function("UploadImport")]
    public Task<IActionResult> UploadImport([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/imports")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("GetImport")]
    public Task<IActionResult> GetImport([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/imports/{id}")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("SuppressImport")]
    public Task<IActionResult> SuppressImport([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/imports/{id}/suppress")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);
}
