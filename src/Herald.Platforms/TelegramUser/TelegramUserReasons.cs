namespace Herald.Platforms.TelegramUser;

/// <summary>The reason codes <see cref="TelegramUserPlatform"/> puts into outcomes (stable: reports and statistics group by them).</summary>
public static class TelegramUserReasons
{
    /// <summary><c>PEER_FLOOD</c>: Telegram limited the account for contacting strangers; it stops (not a timed wait).</summary>
    public const string PeerFlood = "peer_flood";

    /// <summary>A user in <c>failedToAddMembers</c>: their privacy settings refused the invite.</summary>
    public const string InvitePrivacy = "invite_privacy";

    /// <summary><c>USER_PRIVACY_RESTRICTED</c>.</summary>
    public const string UserPrivacyRestricted = "user_privacy_restricted";

    /// <summary><c>USER_NOT_MUTUAL_CONTACT</c>.</summary>
    public const string UserNotMutualContact = "user_not_mutual_contact";

    /// <summary><c>USER_CHANNELS_TOO_MUCH</c>: the person is in too many channels.</summary>
    public const string UserChannelsTooMuch = "user_channels_too_much";

    /// <summary><c>USER_KICKED</c>: removed from the chat by an admin.</summary>
    public const string UserKicked = "user_kicked";

    /// <summary><c>USER_BANNED_IN_CHANNEL</c>.</summary>
    public const string UserBannedInChannel = "user_banned_in_channel";

    /// <summary><c>INPUT_USER_DEACTIVATED</c>: the person deleted their account (the engine suppresses them).</summary>
    public const string UserDeactivated = "user_deactivated";

    /// <summary><c>USER_IS_BLOCKED</c>: the person blocked the account (the engine suppresses them).</summary>
    public const string BlockedByUser = "blocked_by_user";

    /// <summary><c>USER_ALREADY_PARTICIPANT</c>: already in the chat; not counted as invited.</summary>
    public const string AlreadyMember = "already_member";

    /// <summary><c>CHAT_ADMIN_REQUIRED</c>: the account may not invite into the campaign's chat; it leaves the campaign.</summary>
    public const string ChatAdminRequired = "chat_admin_required";

    /// <summary><c>AUTH_KEY_UNREGISTERED</c>: the session is gone.</summary>
    public const string AuthKeyUnregistered = "auth_key_unregistered";

    /// <summary><c>USER_DEACTIVATED</c> for the account itself: banned or deleted.</summary>
    public const string AccountDeactivated = "account_deactivated";

    /// <summary><c>SESSION_REVOKED</c>: the user ended the session.</summary>
    public const string SessionRevoked = "session_revoked";

    /// <summary><c>AUTH_KEY_DUPLICATED</c>: the session was used from two places at once.</summary>
    public const string AuthKeyDuplicated = "auth_key_duplicated";

    /// <summary>The account's session is not logged in (register it again).</summary>
    public const string NotLoggedIn = "not_logged_in";

    /// <summary>The account's credentials are missing from the secret store.</summary>
    public const string SecretMissing = "secret_missing";

    /// <summary>The account's proxy is not a form TDLib takes, or TDLib refused it: the account does not act without it.</summary>
    public const string ProxyUnusable = "proxy_unusable";

    /// <summary>Nobody with that phone is on Telegram (<c>importContacts</c> answered 0).</summary>
    public const string NotOnTelegram = "not_on_telegram";

    /// <summary>No such username.</summary>
    public const string UsernameNotFound = "username_not_found";

    /// <summary>The campaign's chat was not found.</summary>
    public const string TargetChatNotFound = "target_chat_not_found";

    /// <summary>The recipient has no user id, username or phone this action can use.</summary>
    public const string NoRecipient = "no_recipient";

    /// <summary>The action has no target chat (invites).</summary>
    public const string NoTargetChat = "no_target_chat";

    /// <summary>The message text is empty.</summary>
    public const string EmptyText = "empty_text";

    /// <summary>A bot account or a bot-only action.</summary>
    public const string UnsupportedAction = "unsupported_action";

    /// <summary>TDLib sent no answer in time, or the client closed.</summary>
    public const string Timeout = "timeout";

    /// <summary>A server-side error (5xx).</summary>
    public const string ServerError = "server_error";

    /// <summary>Any other refusal; the reason is TDLib's message in lower case.</summary>
    public const string BadRequest = "bad_request";
}
