using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Herald.Core.Outcomes;
using Herald.Platforms.TelegramUser.Td;

namespace Herald.Platforms.TelegramUser;

/// <summary>
/// TDLib <c>error</c> objects onto Herald's outcomes (PLATFORMS.md, "Telegram user accounts"):
/// <list type="bullet">
/// <item><c>FLOOD_WAIT_X</c>, <c>SLOWMODE_WAIT_X</c>, 429 <c>retry after X</c> → <c>RateLimited(X s)</c>, exactly that long.</item>
/// <item><c>PEER_FLOOD</c> → <c>AccountBlocked(peer_flood)</c>: the account is limited and stops.</item>
/// <item><c>USER_PRIVACY_RESTRICTED</c>, <c>USER_NOT_MUTUAL_CONTACT</c> → <c>PrivacyRestricted</c> (the engine's fallback DM).</item>
/// <item><c>INPUT_USER_DEACTIVATED</c>, <c>USER_IS_BLOCKED</c> → <c>RecipientGone</c>; <c>USER_CHANNELS_TOO_MUCH</c>,
/// <c>USER_KICKED</c>, <c>USER_BANNED_IN_CHANNEL</c>, <c>USER_ALREADY_PARTICIPANT</c> → <c>Permanent</c> with that reason.</item>
/// <item><c>AUTH_KEY_UNREGISTERED</c>, <c>USER_DEACTIVATED</c>, <c>SESSION_REVOKED</c>, <c>AUTH_KEY_DUPLICATED</c>, other 401 →
/// <c>AccountBlocked</c>.</item>
/// <item><c>CHAT_ADMIN_REQUIRED</c> → <c>NotInCampaign(chat_admin_required)</c>: the account leaves that campaign (its
/// targets go to other accounts) and goes on with its other campaigns.</item>
/// <item>5xx → <c>Transient</c>; anything else → <c>Permanent</c> with TDLib's message in lower case.</item>
/// </list>
/// </summary>
public static partial class TdErrors
{
    /// <summary>Whether <paramref name="answer"/> is a TDLib <c>error</c>.</summary>
    public static bool IsError(JsonObject answer) => TdJson.TypeOf(answer) == "error";

    /// <summary>The outcome of an error object (<c>{"@type":"error","code":N,"message":"…"}</c>).</summary>
    public static ActionOutcome ToOutcome(JsonNode? error)
    {
        var code = (int)(TdJson.Long(error?["code"]) ?? 0);
        var message = error?["message"]?.GetValue<string>() ?? "";
        return ToOutcome(code, message);
    }

    /// <summary>The outcome of an error with <paramref name="code"/> and <paramref name="message"/>.</summary>
    public static ActionOutcome ToOutcome(int code, string message)
    {
        if (RetryAfter(code, message) is { } wait)
        {
            return new ActionOutcome.RateLimited(wait);
        }

        return message switch
        {
            "PEER_FLOOD" => new ActionOutcome.AccountBlocked(TelegramUserReasons.PeerFlood),
            "USER_PRIVACY_RESTRICTED" => new ActionOutcome.PrivacyRestricted(TelegramUserReasons.UserPrivacyRestricted),
            "USER_NOT_MUTUAL_CONTACT" => new ActionOutcome.PrivacyRestricted(TelegramUserReasons.UserNotMutualContact),
            "INPUT_USER_DEACTIVATED" => new ActionOutcome.RecipientGone(TelegramUserReasons.UserDeactivated),
            "USER_IS_BLOCKED" => new ActionOutcome.RecipientGone(TelegramUserReasons.BlockedByUser),
            "USER_CHANNELS_TOO_MUCH" => new ActionOutcome.Permanent(TelegramUserReasons.UserChannelsTooMuch),
            "USER_KICKED" => new ActionOutcome.Permanent(TelegramUserReasons.UserKicked),
            "USER_BANNED_IN_CHANNEL" => new ActionOutcome.Permanent(TelegramUserReasons.UserBannedInChannel),
            "USER_ALREADY_PARTICIPANT" => new ActionOutcome.Permanent(TelegramUserReasons.AlreadyMember),
            "CHAT_ADMIN_REQUIRED" => new ActionOutcome.NotInCampaign(TelegramUserReasons.ChatAdminRequired),
            "AUTH_KEY_UNREGISTERED" => new ActionOutcome.AccountBlocked(TelegramUserReasons.AuthKeyUnregistered),
            "USER_DEACTIVATED" or "USER_DEACTIVATED_BAN" => new ActionOutcome.AccountBlocked(TelegramUserReasons.AccountDeactivated),
            "SESSION_REVOKED" or "SESSION_EXPIRED" => new ActionOutcome.AccountBlocked(TelegramUserReasons.SessionRevoked),
            "AUTH_KEY_DUPLICATED" => new ActionOutcome.AccountBlocked(TelegramUserReasons.AuthKeyDuplicated),
            "USERNAME_NOT_OCCUPIED" or "USERNAME_INVALID" => new ActionOutcome.Permanent(TelegramUserReasons.UsernameNotFound),
            _ when code == 401 => new ActionOutcome.AccountBlocked(TelegramUserReasons.NotLoggedIn),
            _ when code >= 500 => new ActionOutcome.Transient(TelegramUserReasons.ServerError),
            _ => new ActionOutcome.Permanent(Reason(message)),
        };
    }

    /// <summary>The wait a flood error asks for, or null for other errors.</summary>
    public static TimeSpan? RetryAfter(int code, string message)
    {
        var match = WaitPattern().Match(message ?? "");
        if (match.Success)
        {
            return TimeSpan.FromSeconds(int.Parse(match.Groups["s"].Value, CultureInfo.InvariantCulture));
        }

        // A flood error without its number: wait a conservative minute rather than guess short.
        return code is 420 or 429 ? TimeSpan.FromMinutes(1) : null;
    }

    // TDLib's other messages are short upper-case codes or sentences: keep them recognisable, never recipient data.
    private static string Reason(string message)
    {
        var code = NonWord().Replace(message.ToLowerInvariant(), "_").Trim('_');
        return code.Length is 0 ? TelegramUserReasons.BadRequest : code.Length > 60 ? code[..60] : code;
    }

    [GeneratedRegex(@"^(?:FLOOD_WAIT_|SLOWMODE_WAIT_|FLOOD_PREMIUM_WAIT_)(?<s>\d+)$|retry after (?<s>\d+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WaitPattern();

    [GeneratedRegex(@"[^a-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex NonWord();
}
