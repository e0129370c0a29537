using Herald.Functions.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Herald.Functions.Http;

/// <summary>
/// Every route of Herald's endpoint table as an HTTP function. Each one hands its request to Herald's own pipeline and
/// endpoint table (<see cref="HeraldApplication.DispatchAsync"/>), so authentication, tenancy, validation, problem
/// details and limits are the local host's; it is declared here only because the Functions host indexes functions from
/// attributes (the route-parity test holds this list to the local host's). Function keys are off
/// (<see cref="AuthorizationLevel.Anonymous"/>): Herald authenticates. Names are the endpoints' own.
/// </summary>
public sealed class HttpFunctions(HeraldApplication herald)
{
    // Health probes, the OpenAPI document, whoami, audit
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

    // /api/campaigns
    [Function("CreateCampaign")]
    public Task<IActionResult> CreateCampaign([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/campaigns")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("ListCampaigns")]
    public Task<IActionResult> ListCampaigns([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/campaigns")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("GetCampaign")]
    public Task<IActionResult> GetCampaign([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/campaigns/{id}")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("UpdateCampaign")]
    public Task<IActionResult> UpdateCampaign([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/campaigns/{id}")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("DeleteCampaign")]
    public Task<IActionResult> DeleteCampaign([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/campaigns/{id}")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("GetCampaignReport")]
    public Task<IActionResult> GetCampaignReport([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/campaigns/{id}/report")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("GetCampaignReportCsv")]
    public Task<IActionResult> GetCampaignReportCsv([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/campaigns/{id}/report.csv")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("PauseCampaign")]
    public Task<IActionResult> PauseCampaign([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/campaigns/{id}/pause")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("ResumeCampaign")]
    public Task<IActionResult> ResumeCampaign([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/campaigns/{id}/resume")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("CancelCampaign")]
    public Task<IActionResult> CancelCampaign([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/campaigns/{id}/cancel")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("RecheckCampaignAccount")]
    public Task<IActionResult> RecheckCampaignAccount([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/campaigns/{id}/accounts/{accountId}/recheck")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    // /api/imports
    [Function("UploadImport")]
    public Task<IActionResult> UploadImport([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/imports")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("GetImport")]
    public Task<IActionResult> GetImport([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/imports/{id}")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("SuppressImport")]
    public Task<IActionResult> SuppressImport([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/imports/{id}/suppress")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    // /api/suppressions
    [Function("ListSuppressions")]
    public Task<IActionResult> ListSuppressions([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/suppressions")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("AddSuppressions")]
    public Task<IActionResult> AddSuppressions([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/suppressions")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("RemoveSuppression")]
    public Task<IActionResult> RemoveSuppression([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/suppressions/{hash}")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    // /api/accounts
    [Function("RegisterTelegramBot")]
    public Task<IActionResult> RegisterTelegramBot([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/accounts/telegram-bots")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("RegisterTelegramUser")]
    public Task<IActionResult> RegisterTelegramUser([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/accounts/telegram-users")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("ImportAccounts")]
    public Task<IActionResult> ImportAccounts([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/accounts/import")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
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

    // /api/messages
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

    // /api/api-keys
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
