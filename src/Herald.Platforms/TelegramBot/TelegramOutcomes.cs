using Herald.Core.Outcomes;

namespace Herald.Platforms.TelegramBot;

/// <summary>Maps Bot API failures onto Herald's outcomes (see <see cref="TelegramReasons"/>).</summary>
internal static class TelegramOutcomes
{
    /// <summary>A failure of a call about the recipient's own chat (a send or edit to them).</summary>
    public static ActionOutcome ForRecipient(TelegramApiError error, TimeSpan defaultRetryAfter) => error switch
    {
        { Source: TelegramErrorSource.Api, ErrorCode: 403 } => Forbidden(error.Description),
        { Source: TelegramErrorSource.Api, ErrorCode: 400 } when IsChatNotFound(error.Description) => new ActionOutcome.Permanent(TelegramReasons.ChatNotFound),
        _ => Common(error, defaultRetryAfter),
    };

    /// <summary>A failure of a paid broadcast's send: one the bot's Stars cannot pay for pauses the campaign; the rest as <see cref="ForRecipient"/>.</summary>
    public static ActionOutcome ForPaidSend(TelegramApiError error, TimeSpan defaultRetryAfter) =>
        error is { Source: TelegramErrorSource.Api, ErrorCode: 400 or 402 } && (Has(error.Description, "BALANCE_TOO_LOW") || Has(error.Description, "not enough stars"))
            ? new ActionOutcome.BalanceSpent(TelegramReasons.StarsBalanceSpent)
            : ForRecipient(error, defaultRetryAfter);

    /// <summary>
    /// A failure of a call about the target group or channel (invite links, admin checks). Missing rights there
    /// (<c>not enough rights</c>, <c>CHAT_ADMIN_REQUIRED</c>, 403) make the bot leave that campaign only.
    /// </summary>
    public static ActionOutcome ForTargetChat(TelegramApiError error, TimeSpan defaultRetryAfter) => error switch
    {
        { Source: TelegramErrorSource.Api, ErrorCode: 400 } when IsChatNotFound(error.Description) => new ActionOutcome.Permanent(TelegramReasons.TargetChatNotFound),
        { Source: TelegramErrorSource.Api, ErrorCode: 400 } when Has(error.Description, "not enough rights") || Has(error.Description, "CHAT_ADMIN_REQUIRED")
            => new ActionOutcome.NotInCampaign(TelegramReasons.NoInviteRights),
        { Source: TelegramErrorSource.Api, ErrorCode: 403 } => new ActionOutcome.NotInCampaign(TelegramReasons.NoInviteRights),
        _ => Common(error, defaultRetryAfter),
    };

    /// <summary>The reason code of an outcome, for admin-check problems and logs.</summary>
    public static string Reason(ActionOutcome outcome) => outcome switch
    {
        ActionOutcome.RateLimited => "rate_limited",
        ActionOutcome.PrivacyRestricted p => p.Reason,
        ActionOutcome.AccountBlocked a => a.Reason,
        ActionOutcome.NotInCampaign n => n.Reason,
        ActionOutcome.BalanceSpent b => b.Reason,
        ActionOutcome.RecipientGone g => g.Reason,
        ActionOutcome.Permanent p => p.Reason,
        ActionOutcome.Transient t => t.Reason,
        _ => "done",
    };

    private static ActionOutcome Common(TelegramApiError error, TimeSpan defaultRetryAfter) => error switch
    {
        { Source: TelegramErrorSource.Network } => new ActionOutcome.Transient(TelegramReasons.NetworkError),
        { Source: TelegramErrorSource.Timeout } => new ActionOutcome.Transient(TelegramReasons.Timeout),
        { ErrorCode: >= 500 } => new ActionOutcome.Transient(TelegramReasons.ServerError),
        { Source: TelegramErrorSource.Protocol } => new ActionOutcome.Transient(TelegramReasons.BadResponse),
        { ErrorCode: 429 } => new ActionOutcome.RateLimited(error.RetryAfter ?? defaultRetryAfter),
        { ErrorCode: 401 } => new ActionOutcome.AccountBlocked(TelegramReasons.BadToken),
        { ErrorCode: 404 } => new ActionOutcome.Permanent(TelegramReasons.ApiNotFound),
        { ErrorCode: 403 } => new ActionOutcome.Permanent(TelegramReasons.Forbidden),
        { ErrorCode: 400 } => new ActionOutcome.Permanent(BadRequestReason(error)),
        _ => new ActionOutcome.Permanent(TelegramReasons.BadRequest),
    };

    private static ActionOutcome Forbidden(string description) =>
        Has(description, "blocked by the user") ? new ActionOutcome.RecipientGone(TelegramReasons.BlockedByUser)
        : Has(description, "user is deactivated") ? new ActionOutcome.RecipientGone(TelegramReasons.UserDeactivated)
        : Has(description, "can't initiate conversation") ? new ActionOutcome.Permanent(TelegramReasons.CannotInitiateConversation)
        : Has(description, "was kicked") || Has(description, "not a member") ? new ActionOutcome.Permanent(TelegramReasons.BotNotInChat)
        : new ActionOutcome.Permanent(TelegramReasons.Forbidden);

    private static string BadRequestReason(TelegramApiError error) =>
        error.MigrateToChatId is not null || Has(error.Description, "upgraded to a supergroup") ? TelegramReasons.ChatMigrated
        : Has(error.Description, "message is too long") ? TelegramReasons.MessageTooLong
        : Has(error.Description, "can't parse") ? TelegramReasons.BadMarkup
        : TelegramReasons.BadRequest;

    private static bool IsChatNotFound(string description) =>
        Has(description, "chat not found") || Has(description, "user not found") || Has(description, "PEER_ID_INVALID");

    private static bool Has(string description, string part) => description.Contains(part, StringComparison.OrdinalIgnoreCase);
}
