using Herald.Core.Outcomes;

namespace Herald.Platforms.Email;

/// <summary>
/// Maps SMTP replies onto Herald's outcomes: 421 and 452 → <c>RateLimited</c> (the provider throttles the account,
/// it cools down); 450 and 451 → <c>Transient</c> (the message is tried again later); 535 → <c>AccountBlocked</c>;
/// 550, 551, 553 → <c>RecipientGone</c>; other 5xx → <c>Permanent</c>, other 4xx → <c>Transient</c>.
/// </summary>
internal static class SmtpOutcomes
{
    public static ActionOutcome For(int code, EmailOptions options) => code switch
    {
        421 or 452 => new ActionOutcome.RateLimited(options.ThrottleCooldown),
        450 => new ActionOutcome.Transient(EmailReasons.MailboxBusy),
        451 => new ActionOutcome.Transient(EmailReasons.ServerDeferred),
        535 => new ActionOutcome.AccountBlocked(EmailReasons.AuthFailed),
        550 => new ActionOutcome.RecipientGone(EmailReasons.MailboxUnavailable),
        551 => new ActionOutcome.RecipientGone(EmailReasons.UserNotLocal),
        553 => new ActionOutcome.RecipientGone(EmailReasons.MailboxNameNotAllowed),
        >= 500 and < 600 => new ActionOutcome.Permanent(EmailReasons.Rejected),
        _ => new ActionOutcome.Transient(EmailReasons.Deferred),
    };

    /// <summary>True when the reply says nothing was accepted (the send slot goes back).</summary>
    public static bool Refused(int code) => code is >= 400 and < 600;
}
