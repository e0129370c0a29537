using System.Net;
using Herald.Host.Accounts;
using Herald.Host.Email;
using Herald.Host.OpenApi;
using Herald.Host.Tenancy;
using Herald.Host.Validation;
using Herald.Platforms.Email;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Host.Apis;

/// <summary>
/// The e-mail platform's endpoints: <c>POST /api/accounts/email</c> registers an SMTP mailbox, <c>POST
/// /api/email/validate</c> checks addresses before a campaign (R10), and <c>/unsubscribe/email</c> is the one-click
/// unsubscribe of every message's <c>List-Unsubscribe</c> header (RFC 8058: POST unsubscribes; GET only shows a
/// button, because mail scanners follow links).
/// </summary>
public static class EmailApi
{
    /// <summary>The one-click unsubscribe path (configure <c>Herald:Platforms:Email:UnsubscribeUrl</c> to its public URL).</summary>
    public const string UnsubscribePath = "/unsubscribe/email";

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapEmailApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/accounts").WithTags(ApiTags.Accounts).ProducesApiProblems()
            .MapPost("/email", RegisterAsync).WithName("RegisterEmailAccount")
            .WithSummary("Registers an SMTP mailbox of a configured provider (password to the secret store).")
            .ProducesProblems(StatusCodes.Status409Conflict);
        app.MapGroup("/api/email").WithTags(ApiTags.Accounts).ProducesApiProblems()
            .MapPost("/validate", ValidateAsync).WithName("ValidateEmailAddresses")
            .WithSummary("Checks addresses before a campaign: syntax, MX, and (when configured) an RCPT TO probe that never sends.");
        app.MapGet(UnsubscribePath, Confirm).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(UnsubscribePath, UnsubscribeAsync).AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
        return app;
    }

    internal static Task<Results<Created<RegisteredAccount>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        ValidatedJson<RegisterEmailAccountRequest> body, ITenantContext tenant, EmailAccountRegistration registration, CancellationToken cancellationToken) =>
        registration.RegisterAsync(tenant, body.Value, cancellationToken);

    internal static async Task<Ok<ValidateEmailAddressesResponse>> ValidateAsync(
        ValidatedJson<ValidateEmailAddressesRequest> body, EmailRecipientValidator validator, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ValidateEmailAddressesResponse(await validator.ValidateAsync(body.Value.Addresses, cancellationToken)));

    internal static IResult Confirm(string? t) =>
        string.IsNullOrEmpty(t)
            ? ProblemFactory.Validation("t", "The unsubscribe link is incomplete.")
            : TypedResults.Content(
                "<!DOCTYPE html><html><body><form method=\"post\" action=\"" + UnsubscribePath + "?t=" + WebUtility.HtmlEncode(Uri.EscapeDataString(t)) +
                "\"><input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\"><button type=\"submit\">Unsubscribe</button></form></body></html>",
                "text/html; charset=utf-8");

    internal static async Task<IResult> UnsubscribeAsync(string? t, UnsubscribeHandler handler, CancellationToken cancellationToken) =>
        await handler.UnsubscribeAsync(t, cancellationToken)
            ? TypedResults.Text("You are unsubscribed.", "text/plain")
            : ProblemFactory.Validation("t", "Not a valid unsubscribe link.");
}
