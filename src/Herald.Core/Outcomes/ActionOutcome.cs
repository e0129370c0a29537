namespace Herald.Core.Outcomes;

/// <summary>
/// The normalized result of one platform action. Every adapter maps its platform's answers onto
/// these cases; the engine decides what happens next from the case alone.
/// </summary>
public abstract record ActionOutcome
{
    private ActionOutcome()
    {
    }

    /// <summary>The action happened.</summary>
    /// <param name="Kind">What was done: invited, messaged, contact added, messaged instead of invited…</param>
    /// <param name="PlatformMessageId">The platform's id of a sent message, when there is one.</param>
    /// <param name="Paid">Sent as a paid broadcast (Telegram's <c>allow_paid_broadcast</c>: above the free rate, for Stars).</param>
    public sealed record Done(DoneKind Kind, string? PlatformMessageId = null, bool Paid = false) : ActionOutcome;

    /// <summary>The platform asked the account to wait (FloodWait, 429): cooldown, target goes back.</summary>
    /// <param name="RetryAfter">How long the platform asked to wait; always honoured in full.</param>
    public sealed record RateLimited(TimeSpan RetryAfter) : ActionOutcome;

    /// <summary>The recipient's privacy settings forbid the action (e.g. USER_PRIVACY_RESTRICTED).</summary>
    public sealed record PrivacyRestricted(string Reason) : ActionOutcome;

    /// <summary>The account may no longer act (PEER_FLOOD, AUTH_KEY_UNREGISTERED, revoked token).</summary>
    public sealed record AccountBlocked(string Reason) : ActionOutcome;

    /// <summary>
    /// The account may not do this campaign's action (CHAT_ADMIN_REQUIRED, no invite rights in the campaign's chat): it
    /// leaves this campaign only and stays usable for its others; the target goes back to pending for other accounts.
    /// </summary>
    public sealed record NotInCampaign(string Reason) : ActionOutcome;

    /// <summary>
    /// The account cannot pay for what the campaign asked of it (a paid broadcast's Stars balance is spent): nothing was
    /// sent, the target goes back to pending, and the campaign pauses with <paramref name="Reason"/> until an operator
    /// tops the balance up and resumes it — never a silent drop, never a failure of the recipient.
    /// </summary>
    public sealed record BalanceSpent(string Reason) : ActionOutcome;

    /// <summary>The recipient cannot be reached any more (blocked the bot, deleted, deactivated).</summary>
    public sealed record RecipientGone(string Reason) : ActionOutcome;

    /// <summary>A failure that retrying will not fix (chat not found, bad request).</summary>
    public sealed record Permanent(string Reason) : ActionOutcome;

    /// <summary>A failure that may pass (5xx, timeout, connection reset): retry with backoff.</summary>
    public sealed record Transient(string Reason) : ActionOutcome;
}
