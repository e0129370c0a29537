using Herald.Core.Domain;

namespace Herald.Host.Campaigns;

/// <summary>
/// Whom a campaign's Telegram bots can reach (issue 15 #6). The Bot API sends to a user id only, and only to a user who
/// started the bot: a recipient with nothing but a username or phone would fail at send time as <c>no_chat_id</c>, so
/// such recipients are dropped when the campaign is created (reason <c>unreachable_by_bot</c>), and again when a large
/// import is prepared in the background from the same list.
/// </summary>
internal static class BotReach
{
    /// <summary>
    /// True when every send goes through a Telegram bot: <c>botMessage</c>, or an <c>invite</c> whose accounts are all
    /// bots (a user account invites by username or phone, so a mixed invite keeps everyone).
    /// </summary>
    public static bool RunsOnBots(PlatformKind platform, IReadOnlyList<ActionKind> actions, IEnumerable<AccountKind> accountKinds) =>
        platform == PlatformKind.Telegram
        && (actions.Contains(ActionKind.BotMessage)
            || (actions.Contains(ActionKind.Invite) && accountKinds.ToList() is { Count: > 0 } kinds && kinds.All(k => k == AccountKind.Bot)));

    /// <summary>True when a bot can message <paramref name="recipient"/>: it has a user id.</summary>
    public static bool CanReach(Recipient recipient) => recipient.UserId is not null;
}
