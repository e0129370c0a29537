namespace Herald.Platforms.Email;

/// <summary>The reason codes the e-mail adapter reports (in outcomes, reports and logs).</summary>
public static class EmailReasons
{
    /// <summary>The account is not a mailbox (only user accounts are).</summary>
    public const string UnsupportedAccountKind = "unsupported_account_kind";

    /// <summary>The action is not a message.</summary>
    public const string UnsupportedAction = "unsupported_action";

    /// <summary>The recipient has no e-mail address (field <c>email</c>, or a username that is one).</summary>
    public const string NoAddress = "no_email_address";

    /// <summary>The message text is empty.</summary>
    public const string EmptyText = "empty_text";

    /// <summary>The stored credentials are not an SMTP account, or name a provider not configured.</summary>
    public const string BadCredentials = "bad_credentials";

    /// <summary>The account's provider cap (with its warm-up) is used up for the rolling 24 hours.</summary>
    public const string DailyCapReached = "daily_cap_reached";

    /// <summary>535: the provider refused the login.</summary>
    public const string AuthFailed = "auth_failed";

    /// <summary>421/452: the provider throttles the account.</summary>
    public const string Throttled = "throttled";

    /// <summary>450: the mailbox is busy or greylisted; the recipient is tried again later.</summary>
    public const string MailboxBusy = "mailbox_busy";

    /// <summary>451: the server failed locally; tried again later.</summary>
    public const string ServerDeferred = "server_deferred";

    /// <summary>550: the mailbox does not exist (or refuses mail).</summary>
    public const string MailboxUnavailable = "mailbox_unavailable";

    /// <summary>551: the user is not local to the server.</summary>
    public const string UserNotLocal = "user_not_local";

    /// <summary>553: the mailbox name is not allowed.</summary>
    public const string MailboxNameNotAllowed = "mailbox_name_not_allowed";

    /// <summary>Another permanent (5xx) reply.</summary>
    public const string Rejected = "rejected";

    /// <summary>Another transient (4xx) reply, or a protocol error.</summary>
    public const string Deferred = "deferred";

    /// <summary>No connection.</summary>
    public const string NetworkError = "network_error";

    /// <summary>No answer in time.</summary>
    public const string Timeout = "timeout";
}
