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
/// The body of <c>POST /api/accounts/telegram-users</c>: a reference to an existing, logged-in Telegram user session
/// (R11). Herald does not create or log in accounts (R37).
/// </summary>
public sealed class RegisterTelegramUserRequest : IValidatableRequest
{
    /// <summary>The longest session reference accepted.</summary>
    public const int MaxSessionLength = 16 * 1024;

    /// <summary>The session reference (e.g. where its TDLib database lives). Kept in the secret store only.</summary>
    public required string Session { get; init; }

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
        errors.NotBlank("session", Session).MaxLength("session", Session, MaxSessionLength);
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
