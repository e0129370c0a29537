namespace Herald.Platforms.Abstractions;

/// <summary>What a single message operation does (R14).</summary>
public enum SingleMessageKind
{
    /// <summary>Sends a new message.</summary>
    Send,

    /// <summary>Replaces the text (and keyboard) of a message the account sent.</summary>
    Edit,

    /// <summary>Deletes a message the account sent.</summary>
    Delete,
}

/// <summary>One single-message operation, as the account's transactional lane holds it.</summary>
/// <param name="Kind">Send, edit or delete.</param>
/// <param name="ChatId">The chat (a user id, a group id or an <c>@channel</c>).</param>
/// <param name="Text">The text of a send or an edit.</param>
/// <param name="ParseMode">The platform's formatting mode (for Telegram <c>HTML</c>, <c>MarkdownV2</c>, <c>Markdown</c>); null for plain text.</param>
/// <param name="InlineKeyboard">Buttons under the message.</param>
/// <param name="PlatformMessageId">The platform's id of the message an edit or delete is about.</param>
public sealed record SingleMessageCommand(
    SingleMessageKind Kind,
    string ChatId,
    string? Text = null,
    string? ParseMode = null,
    IReadOnlyList<IReadOnlyList<InlineButton>>? InlineKeyboard = null,
    long PlatformMessageId = 0);

/// <summary>A failed platform call as a value (never carries a token): who answered, its code, its description.</summary>
/// <param name="Source">Where it failed: <c>api</c> (the platform answered), <c>network</c>, <c>timeout</c>, <c>protocol</c>.</param>
/// <param name="ErrorCode">The platform's error code (an HTTP status for Telegram); 0 without an answer.</param>
/// <param name="Description">The platform's description of the error.</param>
/// <param name="RetryAfter">For a rate limit: how long the platform asks to wait.</param>
public sealed record PlatformError(string Source, int ErrorCode, string Description, TimeSpan? RetryAfter = null);

/// <summary>The result of a <see cref="SingleMessageCommand"/>: the platform's message id, or the error.</summary>
/// <param name="Error">Null when the platform did it.</param>
/// <param name="PlatformMessageId">The platform's id of the message sent (a send) or acted on.</param>
/// <param name="AccountUnusable">The account cannot act at all (bad token, missing secret): its reason code.</param>
public sealed record SingleMessageResult(PlatformError? Error, long PlatformMessageId = 0, string? AccountUnusable = null)
{
    /// <summary>True when the platform did it.</summary>
    public bool IsOk => Error is null && AccountUnusable is null;
}
