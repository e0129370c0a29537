using Herald.Host.Messages;
using Herald.Host.Tenancy;
using Herald.Host.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Herald.Host.Apis;

/// <summary>
/// <c>/api/messages</c>: send, read, edit and delete one bot message (R14). Send, edit and delete take an
/// <c>Idempotency-Key</c> header: the same key with the same request answers the first result (header
/// <c>Idempotent-Replayed: true</c>) and acts once; a concurrent duplicate gets 409 with <c>Retry-After</c>; the key with
/// another request gets 422. Another tenant's message id answers 404.
/// </summary>
public static class MessagesApi
{
    /// <summary>Maps the message endpoints.</summary>
    public static IEndpointRouteBuilder MapMessagesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/messages").WithTags("Messages");
        group.MapPost("", SendAsync).WithName("SendMessage").WithSummary("Sends one message through a bot (Idempotency-Key required).");
        group.MapGet("/{id}", GetAsync).WithName("GetMessage").WithSummary("A message sent through the API.");
        group.MapPatch("/{id}", EditAsync).WithName("EditMessage").WithSummary("Replaces a message's text (Idempotency-Key required).");
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteMessage").WithSummary("Deletes a message (Idempotency-Key required).");
        return app;
    }

    /// <summary>201 with <c>Location</c>; 404 for an unknown account; 422 when Telegram refuses; 429 (with <c>Retry-After</c>) when the bot must slow down.</summary>
    internal static Task<Results<Created<MessageResponse>, Ok<MessageResponse>, NoContent, ValidationProblem, ProblemHttpResult>> SendAsync(
        ValidatedJson<SendMessageRequest> body,
        [FromHeader(Name = MessageOperations.KeyHeader)] string? idempotencyKey,
        HttpContext http,
        ITenantContext tenant,
        MessageOperations operations,
        CancellationToken cancellationToken) =>
        operations.SendAsync(http, tenant, idempotencyKey, body.Value, cancellationToken);

    /// <summary>The message (ids and state; its text is not kept).</summary>
    internal static Task<Results<Ok<MessageResponse>, ProblemHttpResult>> GetAsync(
        string id, ITenantContext tenant, MessageOperations operations, CancellationToken cancellationToken) =>
        operations.GetAsync(tenant, id, cancellationToken);

    /// <summary>200 with the message; 409 when it was deleted.</summary>
    internal static Task<Results<Created<MessageResponse>, Ok<MessageResponse>, NoContent, ValidationProblem, ProblemHttpResult>> EditAsync(
        string id,
        ValidatedJson<EditMessageRequest> body,
        [FromHeader(Name = MessageOperations.KeyHeader)] string? idempotencyKey,
        HttpContext http,
        ITenantContext tenant,
        MessageOperations operations,
        CancellationToken cancellationToken) =>
        operations.EditAsync(http, tenant, idempotencyKey, id, body.Value, cancellationToken);

    /// <summary>204; deleting a deleted message is 204 too.</summary>
    internal static Task<Results<Created<MessageResponse>, Ok<MessageResponse>, NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        string id,
        [FromHeader(Name = MessageOperations.KeyHeader)] string? idempotencyKey,
        HttpContext http,
        ITenantContext tenant,
        MessageOperations operations,
        CancellationToken cancellationToken) =>
        operations.DeleteAsync(http, tenant, idempotencyKey, id, cancellationToken);
}
