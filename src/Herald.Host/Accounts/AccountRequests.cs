using Herald.Engine.Accounts;
using Herald.Host.Validation;
using Herald.Platforms.TelegramBot;

namespace Herald.Host.Accounts;

/// <summary>The body of <c>POST /api/accounts/telegram-bots</c>: a bot token from @BotFather.</summary>
public sealed class RegisterTelegramBotRequest : IValidatableRequest
{
    /// <summary>The bot token (<c>123456:ABC…</c>). Kept in the secret store only; never shown again, never logged.</summary>
    public required string Token { get; init; }

    /// <summary>An operator's label. Default: the bot's <c>@username</c>.</summary>
    public string? Name { get; init; }

    /// <summary>Start the warm-up ramp (R22) instead of the full limits. Default false.</summary>
    public bool WarmUp { get; init; }

    /// <summary>
    /// The account's own limits (R16), each only stricter than the configured one (R35), e.g.
    /// <c>{"messagesPerDay":20,"minPauseSeconds":20}</c>. Default: the configured limits. Change them later with
    /// <c>PUT /api/accounts/{id}/limits</c>.
    /// </summary>
    public LimitSettings? Limits { get; init; }

    /// <inheritdoc />
    public void Validate(ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!TelegramBotToken.TryParse(Token, out _))
        {
            errors.Add("token", "Not a Telegram bot token (expected <bot id>:<secret> as @BotFather gives it).");
        }

        AccountNames.Validate(errors, Name);
    }
}

/// <summary>
/// The body of <c>POST /api/accounts/telegram-users</c>: either a reference to an existing, logged-in Telegram user
/// session (R11), or the <c>phone</c> of an existing account to log in through TDLib (the code, and a password when the
/// account has one, follow with <c>POST /api/accounts/{id}/login/code</c> and <c>…/login/password</c>). Herald never
/// creates Telegram accounts (R37).
/// </summary>
public sealed class RegisterTelegramUserRequest : IValidatableRequest
{
    /// <summary>The longest session reference accepted.</summary>
    public const int MaxSessionLength = 16 * 1024;

    /// <summary>The session reference (e.g. where its TDLib database lives). Kept in the secret store only. Or <see cref="Phone"/>.</summary>
    public string? Session { get; init; }

    /// <summary>The account's phone (E.164, <c>+491701234567</c>) to log in with TDLib. Kept in the secret store only, never answered.</summary>
    public string? Phone { get; init; }

    /// <summary>The Telegram app's api_id for this login; default <c>Herald:TelegramUser:ApiId</c>.</summary>
    public int? ApiId { get; init; }

    /// <summary>The Telegram app's api_hash for this login; default <c>Herald:TelegramUser:ApiHash</c>. Kept in the secret store only.</summary>
    public string? ApiHash { get; init; }

    /// <summary>An operator's label (never the phone number).</summary>
    public string? Name { get; init; }

    /// <summary>A proxy for the account's traffic (R23): <c>socks5://host:port</c>, <c>http://…</c>, <c>mtproto://…</c>; no credentials in it.</summary>
    public string? Proxy { get; init; }

    /// <summary>Start the warm-up ramp (R22). Default true: a user account starts slowly.</summary>
    public bool WarmUp { get; init; } = true;

    /// <summary>
    /// The account's own limits (R16), each only stricter than the configured one (R35), e.g.
    /// <c>{"messagesPerDay":20,"minPauseSeconds":20}</c>. Default: the configured limits. Change them later with
    /// <c>PUT /api/accounts/{id}/limits</c>.
    /// </summary>
    public LimitSettings? Limits { get; init; }

    /// <inheritdoc />
    public void Validate(ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if ((Session is null) == (Phone is null))
        {
            errors.Add(Session is null ? "session" : "phone", "Give either session (an existing session's reference) or phone (to log in), not both.");
        }
        else if (Session is not null)
        {
            errors.NotBlank("session", Session).MaxLength("session", Session, MaxSessionLength);
        }
        else if (Phone!.Length is < 8 or > 16 || Phone[0] != '+' || !Phone[1..].All(char.IsAsciiDigit))
        {
            errors.Add("phone", "Must be an E.164 phone number: + and 7 to 15 digits.");
        }

        if (ApiId is <= 0)
        {
            errors.Add("apiId", "Must be a positive Telegram api_id.");
        }

        if (ApiHash is not null)
        {
            errors.NotBlank("apiHash", ApiHash).MaxLength("apiHash", ApiHash, 64);
        }

        AccountNames.Validate(errors, Name);
        if (Proxy is not null
            && (Proxy.Length > 500
                || !Uri.TryCreate(Proxy, UriKind.Absolute, out var uri)
                || uri.Scheme is not ("socks5" or "http" or "https" or "mtproto")
                || uri.Port <= 0
                || uri.UserInfo.Length > 0))
        {
            errors.Add("proxy", "Must be socks5://, http://, https:// or mtproto:// with a host and port, without credentials.");
        }
    }
}

/// <summary>The body of <c>POST /api/accounts/{id}/check-admin</c>.</summary>
public sealed class CheckAdminRequest : IValidatableRequest
{
    /// <summary>The group or channel: numeric id, <c>@username</c> or <c>t.me</c> link.</summary>
    public required string Chat { get; init; }

    /// <inheritdoc />
    public void Validate(ValidationErrors errors) =>
        errors.NotBlank("chat", Chat).MaxLength("chat", Chat, 200).NoMarkup("chat", Chat);
}

/// <summary>The rules for account labels: shown on dashboards, so plain text.</summary>
internal static class AccountNames
{
    public const int MaxLength = 100;

    public static void Validate(ValidationErrors errors, string? name)
    {
        if (name is not null)
        {
            errors.NotBlank("name", name).MaxLength("name", name, MaxLength).NoMarkup("name", name);
        }
    }
}
