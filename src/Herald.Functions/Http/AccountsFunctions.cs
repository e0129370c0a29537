using Herald.Functions.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Herald.Functions.Http;

/// <summary>
/// <c>/api/accounts</c> as HTTP functions: each hands its request to Herald's own pipeline and endpoint table
/// (<see cref="HeraldApplication.DispatchAsync"/>), so authentication, tenancy, validation, problem details and limits
/// are the local host's. Function-level keys are off (<see cref="AuthorizationLevel.Anonymous"/>): Herald authenticates.
/// </summary>
public sealed class AccountsFunctions(HeraldApplication herald)
{
    [Function("RegisterTelegramBot")]
    public Task<IActionResult> RegisterTelegramBot([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/accounts/telegram-bots")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("RegisterTelegramUser")]
    public Task<IActionResult> RegisterTelegramUser([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/accounts/telegram-users")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("ListAccounts")]
    public Task<IActionResult> ListAccounts([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/accounts")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("GetAccount")]
    public Task<IActionResult> GetAccount([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/accounts/{id}")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("DisableAccount")]
    public Task<IActionResult> DisableAccount([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/accounts/{id}/disable")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("SetAccountLimits")]
    public Task<IActionResult> SetAccountLimits([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/accounts/{id}/limits")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("EnableAccount")]
    public Task<IActionResult> EnableAccount([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/accounts/{id}/enable")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("RemoveAccount")]
    public Task<IActionResult> RemoveAccount([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/accounts/{id}")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("CheckAccountAdminRights")]
    public Task<IActionResult> CheckAccountAdminRights([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/accounts/{id}/check-admin")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);
}
