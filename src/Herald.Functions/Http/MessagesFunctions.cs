using Herald.Functions.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Herald.Functions.Http;

/// <summary>
/// <c>/api/messages</c> as HTTP functions: each hands its request to Herald's own pipeline and endpoint table
/// (<see cref="HeraldApplication.DispatchAsync"/>), so authentication, tenancy, validation, problem details and limits
/// are the local host's. Function-level keys are off (<see cref="AuthorizationLevel.Anonymous"/>): Herald authenticates.
/// </summary>
public sealed class MessagesFunctions(HeraldApplication herald)
{
    [Function("SendMessage")]
    public Task<IActionResult> SendMessage([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/messages")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("GetMessage")]
    public Task<IActionResult> GetMessage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/messages/{id}")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("EditMessage")]
    public Task<IActionResult> EditMessage([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/messages/{id}")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("DeleteMessage")]
    public Task<IActionResult> DeleteMessage([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/messages/{id}")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);
}
