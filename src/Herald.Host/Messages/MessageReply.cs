using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Herald.Host.Validation;
using Herald.Platforms.TelegramBot;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Herald.Host.Messages;

/// <summary>
/// The answer of one message operation, in a form that can be kept under its idempotency key and replayed: a status
/// with the message, or a problem. <see cref="Release"/> marks answers after which nothing was sent (Telegram refused
/// with 429 or 5xx): the key is given back so the same request can be retried with it.
/// </summary>
internal sealed record MessageReply(int StatusCode, MessageResponse? Message = null, ProblemDetails? Problem = null)
{
    private static readonly JsonSerializerOptions Json = CreateJson();

    /// <summary>Nothing was sent: release the key instead of keeping this answer.</summary>
    [JsonIgnore]
    public bool Release { get; init; }

    /// <summary>For a 429: how long to wait (sent as <c>Retry-After</c>).</summary>
    [JsonIgnore]
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The answer to a failed Telegram call.</summary>
    public static MessageReply Failure(TelegramApiError error) => error switch
    {
        { IsRateLimited: true } => Refusal(
            StatusCodes.Status429TooManyRequests,
            "Too many requests",
            "Telegram asks this bot to slow down; nothing was sent. Retry after the delay, with the same Idempotency-Key.") with
        {
            Release = true,
            RetryAfter = error.RetryAfter ?? TimeSpan.FromSeconds(1),
        },
        { Source: TelegramErrorSource.Api, ErrorCode: >= 500 } => Refusal(
            StatusCodes.Status502BadGateway,
            "Upstream failure",
            string.Create(CultureInfo.InvariantCulture, $"Telegram answered {error.ErrorCode}; nothing was sent. Retry with the same Idempotency-Key.")) with { Release = true },
        { Source: TelegramErrorSource.Api } => Refusal(
            StatusCodes.Status422UnprocessableEntity,
            "Refused by the platform",
            $"Telegram refused the request: {error.Description}",
            error.ErrorCode),
        { Source: TelegramErrorSource.Timeout } => Refusal(
            StatusCodes.Status504GatewayTimeout,
            "Upstream timeout",
            "Telegram did not answer in time: whether it acted is unknown. Check before acting again with a new Idempotency-Key."),
        _ => Refusal(
            StatusCodes.Status502BadGateway,
            "Upstream failure",
            "The call to Telegram failed on the way: whether it acted is unknown. Check before acting again with a new Idempotency-Key."),
    };

    /// <summary>The answer to a message the account's lane could not take (nothing was sent): 409, the key released.</summary>
    public static MessageReply Refused(string detail) => Refusal(StatusCodes.Status409Conflict, "Conflict", detail) with { Release = true };

    /// <summary>The answer to a message whose sending worker stopped mid-call: whether Telegram acted is unknown.</summary>
    public static MessageReply Unknown() => Refusal(
        StatusCodes.Status502BadGateway,
        "Upstream failure",
        "The worker sending it stopped during the call to Telegram: whether it acted is unknown. Check before acting again with a new Idempotency-Key.");

    /// <summary>A kept answer, read back.</summary>
    public static MessageReply Read(StoredResponse stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return JsonSerializer.Deserialize<MessageReply>(stored.Body, Json) ?? new MessageReply(stored.StatusCode);
    }

    /// <summary>This answer, to keep under its key.</summary>
    public StoredResponse ToStored() => new(StatusCode, JsonSerializer.Serialize(this, Json));

    /// <summary>The HTTP answer.</summary>
    public Results<Created<MessageResponse>, Ok<MessageResponse>, Accepted<QueuedMessage>, NoContent, ValidationProblem, ProblemHttpResult> ToResult() => StatusCode switch
    {
        StatusCodes.Status201Created when Message is { } m => TypedResults.Created($"/api/messages/{m.Id}", m),
        StatusCodes.Status200OK when Message is { } m => TypedResults.Ok(m),
        StatusCodes.Status204NoContent => TypedResults.NoContent(),
        _ => TypedResults.Problem(Problem ?? new ProblemDetails { Status = StatusCode }),
    };

    private static MessageReply Refusal(int status, string title, string detail, int? platformErrorCode = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (platformErrorCode is { } code)
        {
            problem.Extensions["platformErrorCode"] = code;
        }

        return new MessageReply(status, Problem: problem);
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        HeraldJson.ApplyWebConventions(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
