using Herald.Host.Messages;
using Herald.Host.OpenApi;
using Herald.Host.Tenancy;
using Herald.Host.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Herald.Host.Apis;

/// <summary>
/// <c>/api/messages</c>: send, read, edit and delete one bot message (R14). Send, edit and delete take an
/// <c>Idempotency-Key</c> header: the same key with the same request answers the first result (header
/// <c>Idempotent-Replayed: true</c>) and acts once; a concurrent duplicate gets 409 with <c>Retry-After</c>; the key with
/// another request gets 422. Another tenant's message id answers 404. The operation is carried out by the bot's account
/// actor, between its broadcast batches (its transactional lane), in whichever worker holds the account; the request
/// waits for it up to <c>Herald:Messages:AnswerWithin</c> (30 s) and else answers 202 <c>queued</c> with
/// <c>Retry-After</c>: the same request with the same key then answers the outcome.
/// </summary>
public static class MessagesApi
{
    // Send, edit and delete: 400 (Idempotency-Key), 404 (account or message), 409 (key in flight, account disabled or
    // removed, message deleted), 422 (Telegram refused, key reused), 429 (slow down), 502/504 (Telegram failed, timed out).
    private const string LaneDescription =
        "Carried out by the bot's account actor in its transactional lane, interleaved with its broadcasts under the bot's limits, "
        + "in whichever worker holds the bot. The request waits for the outcome up to Herald:Messages:AnswerWithin (30 s); past that it "
        + "answers 202 with {\"id\",\"status\":\"queued\"} and Retry-After, and the same request with the same Idempotency-Key "
        + "answers the outcome once there is one (409 with Retry-After while it is still queued).";

    private static readonly int[] PlatformProblems =
    [
        StatusCodes.Status400BadRequest,
        StatusCodes.Status404NotFound,
        StatusCodes.Status409Conflict,
        StatusCodes.Status422UnprocessableEntity,
        StatusCodes.Status429TooManyRequests,
        StatusCodes.Status502BadGateway,
        StatusCodes.Status504GatewayTimeout,
    ];

    /// <summary>Maps the message endpoints.</summary>
    public static IEndpointRouteBuilder MapMessagesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/messages").WithTags(ApiTags.Messages).ProducesApiProblems();
        group.MapPost("", SendAsync).WithName("SendMessage").WithDescription(LaneDescription).WithSummary("Sends one message through a bot (Idempotency-Key required).")
            .ProducesProblems(PlatformProblems);
        group.MapGet("/{id}", GetAsync).WithName("GetMessage").WithSummary("A message sent through the API.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPatch("/{id}", EditAsync).WithName("EditMessage").WithDescription(LaneDescription).WithSummary("Replaces a message's text (Idempotency-Key required).")
            .ProducesProblems(PlatformProblems);
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteMessage").WithDescription(LaneDescription).WithSummary("Deletes a message (Idempotency-Key required).")
            .ProducesProblems(PlatformProblems);
        return app;
    }

    /// <summary>201 with <c>Location</c>; 404 for an unknown account; 422 when Telegram refuses; 429 (with <c>Retry-After</c>) when the bot must slow down.</summary>
    internal static Task<Results<Created<MessageResponse>, Ok<MessageResponse>, Accepted<QueuedMessage>, NoContent, ValidationProblem, ProblemHttpResult>> SendAsync(
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
    internal static Task<Results<Created<MessageResponse>, Ok<MessageResponse>, Accepted<QueuedMessage>, NoContent, ValidationProblem, ProblemHttpResult>> EditAsync(
        string id,
        ValidatedJson<EditMessageRequest> body,
        [FromHeader(Name = MessageOperations.KeyHeader)] string? idempotencyKey,
        HttpContext http,
        ITenantContext tenant,
        MessageOperations operations,
        CancellationToken cancellationToken) =>
        operations.EditAsync(http, tenant, idempotencyKey, id, body.Value, cancellationToken);

    /// <summary>204; deleting a deleted message is 204 too.</summary>
    internal static Task<Results<Created<MessageResponse>, Ok<MessageResponse>, Accepted<QueuedMessage>, NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        string id,
        [FromHeader(Name = MessageOperations.KeyHeader)] string? idempotencyKey,
        HttpContext http,
        ITenantContext tenant,
        MessageOperations operations,
        CancellationToken cancellationToken) =>
        operations.DeleteAsync(http, tenant, idempotencyKey, id, cancellationToken);
}
