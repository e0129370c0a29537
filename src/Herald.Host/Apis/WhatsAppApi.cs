using Herald.Engine.Campaigns;
using Herald.Host.Accounts;
using Herald.Host.OpenApi;
using Herald.Host.Resources;
using Herald.Host.Tenancy;
using Herald.Host.Validation;
using Herald.Host.WhatsApp;
using Herald.Platforms.WhatsAppCloud;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Herald.Host.Apis;

/// <summary>
/// The WhatsApp Cloud API's endpoints: <c>POST /api/accounts/whatsapp-numbers</c> registers a business number,
/// <c>GET /api/campaigns/{id}/deliveries</c> answers a campaign's delivery counts from the status webhooks, and
/// <c>/webhooks/whatsapp</c> is where Meta calls (anonymous, but every POST must carry <c>X-Hub-Signature-256</c>
/// made with the app secret; GET is the verification handshake with the verify token).
/// </summary>
public static class WhatsAppApi
{
    /// <summary>Where Meta (or the simulator) sends webhooks.</summary>
    public const string WebhookPath = "/webhooks/whatsapp";

    /// <summary>The largest webhook body accepted (1 MiB; Meta's are a few KiB).</summary>
    public const int MaxWebhookBytes = 1 << 20;

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapWhatsAppApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/accounts").WithTags(ApiTags.Accounts).ProducesApiProblems()
            .MapPost("/whatsapp-numbers", RegisterAsync).WithName("RegisterWhatsAppNumber")
            .WithSummary("Registers a WhatsApp Cloud API business number (token checked with the Cloud API).")
            .ProducesProblems(StatusCodes.Status409Conflict, StatusCodes.Status502BadGateway, StatusCodes.Status504GatewayTimeout);
        app.MapGroup("/api/campaigns").WithTags(ApiTags.Campaigns).ProducesApiProblems()
            .MapGet("/{id}/deliveries", DeliveriesAsync).WithName("GetCampaignDeliveries")
            .WithSummary("The campaign's messages by delivery status (sent, delivered, read, failed) from the platform's receipts.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        app.MapGet(WebhookPath, Verify).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(WebhookPath, ReceiveAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    internal static Task<Results<Created<RegisteredAccount>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        ValidatedJson<RegisterWhatsAppNumberRequest> body, ITenantContext tenant, WhatsAppNumberRegistration registration, WhatsAppCloudApi api, CancellationToken cancellationToken) =>
        registration.RegisterAsync(tenant, body.Value, api, cancellationToken);

    internal static async Task<Results<Ok<DeliveryCounts>, ProblemHttpResult>> DeliveriesAsync(
        string id, ITenantContext tenant, CampaignService campaigns, DeliveryStore deliveries, CancellationToken cancellationToken)
    {
        var campaign = ResourceIds.IsValid(id) ? await campaigns.GetAsync(tenant.TenantId, id, cancellationToken) : null;
        return campaign is null
            ? ProblemFactory.NotFound($"There is no campaign '{id}'.")
            : TypedResults.Ok(await deliveries.GetAsync(tenant.TenantId, id, cancellationToken));
    }

    /// <summary>Meta's handshake: <c>hub.mode=subscribe</c> with the configured verify token answers <c>hub.challenge</c>.</summary>
    internal static IResult Verify(HttpRequest request, IOptions<WhatsAppCloudOptions> options)
    {
        var query = request.Query;
        var verifyToken = options.Value.VerifyToken;
        return query["hub.mode"] == "subscribe" && !string.IsNullOrEmpty(verifyToken)
            && string.Equals(query["hub.verify_token"], verifyToken, StringComparison.Ordinal)
            && query["hub.challenge"].ToString() is { Length: > 0 and <= 200 } challenge
            ? TypedResults.Text(challenge, "text/plain")
            : TypedResults.Problem("The verify token does not match.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
    }

    internal static async Task<IResult> ReceiveAsync(
        HttpRequest request, IOptions<WhatsAppCloudOptions> options, WhatsAppWebhookHandler handler, ILogger<WhatsAppWebhookHandler> logger, CancellationToken cancellationToken)
    {
        if (options.Value.AppSecret is not { Length: > 0 } secret)
        {
            Log.WebhookRefused(logger, "no app secret configured");
            return TypedResults.Problem("WhatsApp webhooks are not configured (Herald:Platforms:WhatsAppCloud:AppSecret).", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        if (request.ContentLength > MaxWebhookBytes)
        {
            return TypedResults.Problem("The body is too large.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large");
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxWebhookBytes)
        {
            return TypedResults.Problem("The body is too large.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large");
        }

        var body = buffer.ToArray();
        if (!WhatsAppWebhookSignature.IsValid(secret, body, request.Headers[WhatsAppWebhookSignature.HeaderName]))
        {
            Log.WebhookRefused(logger, "bad signature");
            return TypedResults.Problem($"{WhatsAppWebhookSignature.HeaderName} is missing or wrong.", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
        }

        if (WhatsAppWebhookEvents.Parse(body) is not { } events)
        {
            return ProblemFactory.Validation("body", "Not a WhatsApp Business Account webhook ({\"entry\":[{\"changes\":[…]}]}).");
        }

        await handler.HandleAsync(events, cancellationToken);
        return TypedResults.Ok();
    }
}
