namespace Herald.Platforms.TelegramBot;

/// <summary>
/// The reason codes <see cref="TelegramBotPlatform"/> puts in outcomes and admin checks: short,
/// stable snake_case (they appear in reports and suppression lists), never Telegram's raw text.
/// </summary>
public static class TelegramReasons
{
    /// <summary>RecipientGone: 403 <c>Forbidden: bot was blocked by the user</c>. Suppress the recipient (R34).</summary>
    public const string BlockedByUser = "blocked_by_user";

    /// <summary>RecipientGone: 403 <c>Forbidden: user is deactivated</c> (deleted account). Suppress the recipient.</summary>
    public const string UserDeactivated = "user_deactivated";

    /// <summary>Permanent: 400 <c>chat not found</c> (or <c>user not found</c>, <c>PEER_ID_INVALID</c>) for the recipient's chat.</summary>
    public const string ChatNotFound = "chat_not_found";

    /// <summary>Permanent: 403 <c>bot can't initiate conversation with a user</c> — the user never started the bot.</summary>
    public const string CannotInitiateConversation = "cannot_initiate_conversation";

    /// <summary>Permanent: 403 <c>bot was kicked</c> / <c>bot is not a member</c> of the chat.</summary>
    public const string BotNotInChat = "bot_not_in_chat";

    /// <summary>Permanent: any other 403.</summary>
    public const string Forbidden = "forbidden";

    /// <summary>Permanent: 400 <c>message is too long</c>.</summary>
    public const string MessageTooLong = "message_too_long";

    /// <summary>Permanent: 400 <c>can't parse entities</c> / keyboard markup — the text or keyboard is malformed.</summary>
    public const string BadMarkup = "bad_markup";

    /// <summary>Permanent: 400 <c>group chat was upgraded to a supergroup chat</c>; the id changed.</summary>
    public const string ChatMigrated = "chat_migrated";

    /// <summary>Permanent: any other 400.</summary>
    public const string BadRequest = "bad_request";

    /// <summary>Permanent: 404 from the Bot API (unknown method or URL).</summary>
    public const string ApiNotFound = "api_not_found";

    /// <summary>Permanent (invite) or admin-check problem: the target group or channel does not exist for the bot.</summary>
    public const string TargetChatNotFound = "target_chat_not_found";

    /// <summary>BalanceSpent: 400 <c>BALANCE_TOO_LOW</c> (or <c>not enough stars</c>) on a paid broadcast — the bot's Stars balance cannot pay for it; the campaign pauses.</summary>
    public const string StarsBalanceSpent = "stars_balance_spent";

    /// <summary>NotInCampaign (invite: the bot leaves that campaign) or admin-check problem: the bot may not create invite links in the target chat.</summary>
    public const string NoInviteRights = "no_invite_rights";

    /// <summary>AccountBlocked: 401 <c>Unauthorized</c> (revoked token) or a stored value that is not a token.</summary>
    public const string BadToken = "bad_token";

    /// <summary>AccountBlocked: the secret store has nothing under the account's reference.</summary>
    public const string SecretMissing = "secret_missing";

    /// <summary>
    /// Transient: one chat answered 429 and the wait was too long to take inside the call (or the
    /// retry was refused too). The bot's other chats are unaffected; the limiter keeps that chat
    /// paused for the full <c>retry_after</c>, so a retry never comes early.
    /// </summary>
    public const string ChatRateLimited = "chat_rate_limited";

    /// <summary>Transient: a 5xx answer.</summary>
    public const string ServerError = "server_error";

    /// <summary>Transient: no answer (connection refused or broken).</summary>
    public const string NetworkError = "network_error";

    /// <summary>Transient: no answer within the request timeout.</summary>
    public const string Timeout = "timeout";

    /// <summary>Transient: an answer that is not the Bot API's JSON.</summary>
    public const string BadResponse = "bad_response";

    /// <summary>Permanent: the recipient has no numeric user id (bots cannot message by username or phone).</summary>
    public const string NoChatId = "no_chat_id";

    /// <summary>Permanent: a message action without text.</summary>
    public const string EmptyText = "empty_text";

    /// <summary>Permanent: an invite without a usable target chat (an id, <c>@username</c> or <c>t.me/username</c>).</summary>
    public const string NoTargetChat = "no_target_chat";

    /// <summary>Permanent: an action bots cannot do (add contact, personal message from a user account).</summary>
    public const string UnsupportedAction = "unsupported_action";

    /// <summary>Permanent: a user account was handed to the bot adapter.</summary>
    public const string UnsupportedAccountKind = "unsupported_account_kind";
}
