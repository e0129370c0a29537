using Herald.Functions.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Herald.Functions.Http;

/// <summary>
/// The routes of the platforms beyond the Telegram Bot API as HTTP functions (Telegram user-account logins, WhatsApp
/// numbers, deliveries and webhooks, e-mail accounts, validation and one-click unsubscribes); each hands its request to
/// Herald's own pipeline, as <see cref="HttpFunctions"/> does.
/// </summary>
public sealed class PlatformHttpFunctions(HeraldApplication herald)
{
    [Function("StartTelegramUserLogin")]
    public Task<IActionResult> StartTelegramUserLogin([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/accounts/{id}/login")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("SubmitTelegramUserLoginCode")]
    public Task<IActionResult> SubmitTelegramUserLoginCode([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/accounts/{id}/login/code")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("SubmitTelegramUserLoginPassword")]
    public Task<IActionResult> SubmitTelegramUserLoginPassword([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/accounts/{id}/login/password")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("RegisterWhatsAppNumber")]
    public Task<IActionResult> RegisterWhatsAppNumber([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/accounts/whatsapp-numbers")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("GetCampaignDeliveries")]
    public Task<IActionResult> GetCampaignDeliveries([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/campaigns/{id}/deliveries")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("VerifyWhatsAppWebhook")]
    public Task<IActionResult> VerifyWhatsAppWebhook([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "webhooks/whatsapp")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("ReceiveWhatsAppWebhook")]
    public Task<IActionResult> ReceiveWhatsAppWebhook([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/whatsapp")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("RegisterEmailAccount")]
    public Task<IActionResult> RegisterEmailAccount([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/accounts/email")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("ValidateEmailAddresses")]
    public Task<IActionResult> ValidateEmailAddresses([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/email/validate")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("ConfirmEmailUnsubscribe")]
    public Task<IActionResult> ConfirmEmailUnsubscribe([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "unsubscribe/email")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);

    [Function("UnsubscribeEmail")]
    public Task<IActionResult> UnsubscribeEmail([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "unsubscribe/email")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        herald.DispatchAsync(request, durable);
}
