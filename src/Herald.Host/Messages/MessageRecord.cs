namespace Herald.Host.Messages;

/// <summary>
/// A single bot message sent through <c>POST /api/messages</c>: which account sent it where, and Telegram's id for it
/// (what edits and deletes need). Never its text.
/// </summary>
public sealed record MessageRecord
{
    /// <summary>Herald's id of the message.</summary>
    public required string Id { get; init; }

    /// <summary>The owning tenant.</summary>
    public required string TenantId { get; init; }

    /// <summary>The sending account.</summary>
    public required string AccountId { get; init; }

    /// <summary>The chat (user id, group id or <c>@channel</c>).</summary>
    public required string ChatId { get; init; }

    /// <summary>The platform's message id within the chat.</summary>
    public long PlatformMessageId { get; init; }

    /// <summary>When it was sent.</summary>
    public DateTimeOffset SentAt { get; init; }

    /// <summary>When its text was last edited.</summary>
    public DateTimeOffset? EditedAt { get; init; }

    /// <summary>When it was deleted; null while it exists.</summary>
    public DateTimeOffset? DeletedAt { get; init; }

    /// <summary><c>sent</c>, or <c>deleted</c>.</summary>
    public string Status => DeletedAt is null ? "sent" : "deleted";
}

/// <summary>A single message as the API shows it.</summary>
public sealed record MessageResponse(
    string Id,
    string AccountId,
    string ChatId,
    long PlatformMessageId,
    string Status,
    DateTimeOffset SentAt,
    DateTimeOffset? EditedAt,
    DateTimeOffset? DeletedAt)
{
    /// <summary>The API shape of a message row.</summary>
    public static MessageResponse From(MessageRecord m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new(m.Id, m.AccountId, m.ChatId, m.PlatformMessageId, m.Status, m.SentAt, m.EditedAt, m.DeletedAt);
    }
}
