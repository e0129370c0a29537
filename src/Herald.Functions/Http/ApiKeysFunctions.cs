using Herald.Functions.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Herald.Functions.Http;

/// <summary>
/// <c>/api/api-keys</c> as HTTP functions: each hands its request to Herald's own pipeline and endpoint table
/// (<see cref="HeraldApplication.DispatchAsync"/>), so authentication, tenancy, validation, problem details and limits
/// are the local host's. Function-level keys are off (<see cref="AuthorizationLevel.Anonymous"/>): Herald authenticates.
/// </summary>
public sealed class ApiKeysFunctions(HeraldApplication herald)
{
    [Function("CreateApiKey")]
    public Task<IActionResult> CreateApiKey([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/api-keys")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("ListApiKeys")]
    public Task<IActionResult> ListApiKeys([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/api-keys")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("RevokeApiKey")]
    public Task<IActionResult> RevokeApiKey([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/api-keys/{id}")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);
}
