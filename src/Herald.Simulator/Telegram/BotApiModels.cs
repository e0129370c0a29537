using System.Text.Json;

namespace Herald.Simulator.Telegram;

// The Bot API objects the simulator answers with, serialized in Telegram's snake_case; null fields are omitted.
internal sealed record TgUser(long Id, bool IsBot, string FirstName, string? Username = null, bool? CanJoinGroups = null);

internal sealed record TgChat(long Id, string Type, string? Title = null, string? Username = null, string? FirstName = null);

internal sealed record TgMessage(long MessageId, TgUser From, TgChat Chat, long Date, string Text, long? EditDate = null, JsonElement? ReplyMarkup = null);

internal sealed record TgChatMember(
    string Status,
    TgUser User,
    bool? CanBeEdited = null,
    bool? IsAnonymous = null,
    bool? CanManageChat = null,
    bool? CanDeleteMessages = null,
    bool? CanRestrictMembers = null,
    bool? CanPromoteMembers = null,
    bool? CanChangeInfo = null,
    bool? CanInviteUsers = null);

internal sealed record TgChatInviteLink(
    string InviteLink,
    TgUser Creator,
    bool CreatesJoinRequest,
    bool IsPrimary,
    bool IsRevoked,
    string? Name = null,
    long? ExpireDate = null,
    int? MemberLimit = null);

internal sealed record TgResponseParameters(int? RetryAfter = null, long? MigrateToChatId = null);

internal sealed record TgOkResponse(bool Ok, object Result);

internal sealed record TgErrorResponse(bool Ok, int ErrorCode, string Description, TgResponseParameters? Parameters = null);

/// <summary>The answer to one Bot API call: a result, or an error with Telegram's code and text.</summary>
internal sealed record BotAnswer(int Status, object? Result, string? Description = null, int? RetryAfter = null)
{
    public static BotAnswer Ok(object result) => new(200, result);

    public static BotAnswer Error(int status, string description, int? retryAfter = null) => new(status, null, description, retryAfter);

    public static BotAnswer ChatNotFound { get; } = Error(400, "Bad Request: chat not found");

    /// <summary>A paid broadcast the bot's Stars balance cannot pay for.</summary>
    public static BotAnswer BalanceTooLow { get; } = Error(400, "Bad Request: BALANCE_TOO_LOW");

    public static BotAnswer NotFound { get; } = Error(404, "Not Found");

    public static BotAnswer Unauthorized { get; } = Error(401, "Unauthorized");

    public static BotAnswer TooManyRequests(int retryAfter) => Error(429, $"Too Many Requests: retry after {retryAfter}", retryAfter);

    public object ToBody() => Result is { } result
        ? new TgOkResponse(true, result)
        : new TgErrorResponse(false, Status, Description ?? "Internal Server Error", RetryAfter is { } r ? new TgResponseParameters(r) : null);
}
