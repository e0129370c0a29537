namespace Herald.Platforms.WhatsAppCloud;

/// <summary>The reason codes the WhatsApp Cloud API adapter reports (in outcomes, reports and logs).</summary>
public static class WhatsAppReasons
{
    /// <summary>The account is not a Cloud API number (only bot accounts are).</summary>
    public const string UnsupportedAccountKind = "unsupported_account_kind";

    /// <summary>The action is not a message.</summary>
    public const string UnsupportedAction = "unsupported_action";

    /// <summary>The recipient has no phone number.</summary>
    public const string NoPhone = "no_phone";

    /// <summary>The message text is empty.</summary>
    public const string EmptyText = "empty_text";

    /// <summary>The credentials are not in the secret store.</summary>
    public const string SecretMissing = "secret_missing";

    /// <summary>The stored credentials are not a phone-number id and access token.</summary>
    public const string BadCredentials = "bad_credentials";

    /// <summary>190: the access token expired or was revoked.</summary>
    public const string TokenExpired = "token_expired";

    /// <summary>131048: the number hit the spam rate limit; it stops.</summary>
    public const string SpamRateLimited = "spam_rate_limited";

    /// <summary>131064: the number is limited after template violations; it stops.</summary>
    public const string TemplateViolationLimited = "template_violation_limited";

    /// <summary>The number's quality rating is RED: it stops before Meta restricts it.</summary>
    public const string QualityRed = "quality_red";

    /// <summary>131056: too many messages to this recipient; the recipient waits.</summary>
    public const string RecipientRateLimited = "recipient_rate_limited";

    /// <summary>131026: the message cannot be delivered to this recipient.</summary>
    public const string Undeliverable = "undeliverable";

    /// <summary>131047: more than 24 hours since the recipient last wrote: a template is needed.</summary>
    public const string WindowClosed = "window_closed_needs_template";

    /// <summary>132000–132016: the template (name, language, parameters) is wrong: the campaign's configuration.</summary>
    public const string TemplateError = "template_error";

    /// <summary>A template parameter names a field the recipient does not have.</summary>
    public const string TemplateFieldMissing = "template_field_missing";

    /// <summary>The message directive is not <c>template:name:language[:field,…]</c>.</summary>
    public const string BadTemplateDirective = "bad_template_directive";

    /// <summary>Another 4xx the adapter has no rule for.</summary>
    public const string BadRequest = "bad_request";

    /// <summary>5xx from the Cloud API.</summary>
    public const string ServerError = "server_error";

    /// <summary>No connection.</summary>
    public const string NetworkError = "network_error";

    /// <summary>No answer in time.</summary>
    public const string Timeout = "timeout";

    /// <summary>An answer that is not the Cloud API's JSON.</summary>
    public const string BadResponse = "bad_response";
}
