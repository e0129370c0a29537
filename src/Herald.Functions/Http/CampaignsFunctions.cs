using Herald.Functions.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Herald.Functions.Http;

/// <summary>
/// <c>/api/campaigns</c> as HTTP functions: each hands its request to Herald's own pipeline and endpoint table
/// (<see cref="HeraldApplication.DispatchAsync"/>), so authentication, tenancy, validation, problem details and limits
/// are the local host's. Function-level keys are off (<see cref="AuthorizationLevel.Anonymous"/>): Herald authenticates.
/// </summary>
public sealed class CampaignsFunctions(HeraldApplication herald)
{
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
}
