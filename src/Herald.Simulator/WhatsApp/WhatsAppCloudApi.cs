using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Simulator.WhatsApp;

/// <summary>
/// The WhatsApp Cloud API surface: <c>POST /{version}/{phone-number-id}/messages</c>, <c>GET /{version}/{phone-number-id}</c>
/// (quality rating), and <c>/_sim/whatsapp</c> to read deliveries and stats, force errors and play a user's reply.
/// </summary>
internal static class WhatsAppCloudApi
{
    /// <summary>The route constraint that tells a Graph API version (<c>v23.0</c>) from a Bot API token segment.</summary>
    public const string VersionConstraint = "graphversion";

    public static IEndpointRouteBuilder MapWhatsAppCloudApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/{version:" + VersionConstraint + "}/{phoneNumberId}/messages", async (HttpContext context, string phoneNumberId, WhatsAppCloudState state) =>
        {
            JsonElement body;
            try
            {
                body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body, cancellationToken: context.RequestAborted);
            }
            catch (JsonException)
            {
                return Answer(WhatsAppAnswer.Error(400, 100, "(#100) The request body is not JSON."));
            }

            return Answer(state.Send(phoneNumberId, Bearer(context), body));
        }).ExcludeFromDescription();
        app.MapGet("/{version:" + VersionConstraint + "}/{phoneNumberId}", (HttpContext context, string phoneNumberId, WhatsAppCloudState state) =>
            Answer(state.GetNumber(phoneNumberId, Bearer(context)))).ExcludeFromDescription();

        var sim = app.MapGroup("/_sim/whatsapp");
        sim.MapGet("/deliveries", (WhatsAppCloudState state) => TypedResults.Ok(state.GetDeliveries()));
        sim.MapGet("/stats", (WhatsAppCloudState state) => TypedResults.Ok(state.GetStats()));
        sim.MapGet("/config", (WhatsAppCloudState state) => TypedResults.Ok(state.Scenario));
        sim.MapPost("/config", (WhatsAppCloudState state, WhatsAppScenario scenario) =>
        {
            state.Configure(s =>
            {
                s.Numbers = scenario.Numbers;
                s.DefaultTier = scenario.DefaultTier;
                s.MessagesPerSecond = scenario.MessagesPerSecond;
                s.PerRecipientInterval = scenario.PerRecipientInterval;
                s.RevokedTokens = scenario.RevokedTokens;
                s.UndeliverableRecipients = scenario.UndeliverableRecipients;
                s.ReceiptFailedRecipients = scenario.ReceiptFailedRecipients;
                s.Templates = scenario.Templates;
                s.WindowAlwaysOpen = scenario.WindowAlwaysOpen;
                s.WebhookUrl = scenario.WebhookUrl;
                s.AppSecret = scenario.AppSecret;
                s.ReportDelivered = scenario.ReportDelivered;
            });
            return TypedResults.Ok(state.Scenario);
        });
        sim.MapPost("/errors", (WhatsAppCloudState state, WhatsAppForcedError error) =>
        {
            state.Force(error);
            return TypedResults.NoContent();
        });
        sim.MapPost("/replies", Results<NoContent, ValidationProblem> (WhatsAppCloudState state, WhatsAppReply reply) =>
        {
            if (string.IsNullOrWhiteSpace(reply.From) || !reply.From.All(char.IsAsciiDigit))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = ["The user's number, digits only."] });
            }

            state.Reply(reply.PhoneNumberId, reply.From, reply.Text ?? "");
            return TypedResults.NoContent();
        });
        return app;
    }

    private static IResult Answer(WhatsAppAnswer answer) => Results.Text(answer.Body.ToJsonString(), "application/json", statusCode: answer.Status);

    private static string? Bearer(HttpContext context) =>
        context.Request.Headers.Authorization.ToString() is { } h && h.StartsWith("Bearer ", StringComparison.Ordinal) ? h[7..].Trim() : null;

    /// <summary>The body of <c>POST /_sim/whatsapp/replies</c>: a user writes to a business number.</summary>
    internal sealed record WhatsAppReply(string PhoneNumberId, string From, string? Text);
}

/// <summary>Matches a Graph API version segment such as <c>v23.0</c>.</summary>
internal sealed class GraphVersionConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && value is string s && s.Length >= 2 && s[0] == 'v'
        && s[1..].Split('.') is { Length: 2 } parts && parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit));
}
