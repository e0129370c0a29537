using Herald.Core.Outcomes;

namespace Herald.Platforms.WhatsAppCloud;

/// <summary>
/// Maps Cloud API errors onto Herald's outcomes (codes from Meta's error reference):
/// <list type="bullet">
/// <item>130429 (throughput), 80007 (account rate limit), 4 (app rate limit) → <c>RateLimited</c>: the number waits.</item>
/// <item>131056 (same recipient too often) → <c>Transient(recipient_rate_limited)</c>: only that recipient waits.</item>
/// <item>131048 (spam rate limit), 131064 (limited after template violations) → <c>AccountBlocked</c>: the number stops.</item>
/// <item>131026 (undeliverable), 131047 (window closed, a template is needed) → <c>Permanent</c> with the reason.</item>
/// <item>132000–132016 (template problems) → <c>Permanent(template_error_{code})</c>: the campaign's configuration.</item>
/// <item>190 (token expired, HTTP 401) → <c>AccountBlocked(token_expired)</c>; 5xx and transport failures → <c>Transient</c>.</item>
/// </list>
/// </summary>
internal static class WhatsAppOutcomes
{
    public static ActionOutcome For(WhatsAppApiError error, WhatsAppCloudOptions options) => error switch
    {
        { Source: WhatsAppErrorSource.Network } => new ActionOutcome.Transient(WhatsAppReasons.NetworkError),
        { Source: WhatsAppErrorSource.Timeout } => new ActionOutcome.Transient(WhatsAppReasons.Timeout),
        { Code: 130429 } => new ActionOutcome.RateLimited(options.ThroughputRetryAfter),
        { Code: 80007 or 4 } => new ActionOutcome.RateLimited(options.AccountRateRetryAfter),
        { Code: 131056 } => new ActionOutcome.Transient(WhatsAppReasons.RecipientRateLimited),
        { Code: 131048 } => new ActionOutcome.AccountBlocked(WhatsAppReasons.SpamRateLimited),
        { Code: 131064 } => new ActionOutcome.AccountBlocked(WhatsAppReasons.TemplateViolationLimited),
        { Code: 131026 } => new ActionOutcome.Permanent(WhatsAppReasons.Undeliverable),
        { Code: 131047 } => new ActionOutcome.Permanent(WhatsAppReasons.WindowClosed),
        { Code: >= 132000 and <= 132016 } => new ActionOutcome.Permanent(TemplateReason(error.Code)),
        { Code: 190 } or { HttpStatus: 401 } => new ActionOutcome.AccountBlocked(WhatsAppReasons.TokenExpired),
        { HttpStatus: >= 500 } => new ActionOutcome.Transient(WhatsAppReasons.ServerError),
        { Source: WhatsAppErrorSource.Protocol } => new ActionOutcome.Transient(WhatsAppReasons.BadResponse),
        { HttpStatus: 429 } => new ActionOutcome.RateLimited(options.ThroughputRetryAfter),
        _ => new ActionOutcome.Permanent(WhatsAppReasons.BadRequest),
    };

    /// <summary>True for the template problems (132000–132016): the campaign's configuration, not the recipient.</summary>
    public static bool IsTemplateError(int code) => code is >= 132000 and <= 132016;

    private static string TemplateReason(int code) => FormattableString.Invariant($"{WhatsAppReasons.TemplateError}_{code}");
}
