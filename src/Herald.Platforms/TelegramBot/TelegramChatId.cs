using System.Globalization;
using Telegram.Bot.Types;

namespace Herald.Platforms.TelegramBot;

/// <summary>
/// A Bot API <c>chat_id</c>: a numeric id (users positive, groups and channels negative) or the
/// <c>@username</c> of a public group or channel.
/// </summary>
public readonly record struct TelegramChatId
{
    /// <summary>A numeric chat id.</summary>
    public TelegramChatId(long id) => Id = id;

    private TelegramChatId(string username) => Username = username;

    /// <summary>The numeric id, when the chat is named by id.</summary>
    public long? Id { get; }

    /// <summary>The <c>@username</c> (with the <c>@</c>), when the chat is named by username.</summary>
    public string? Username { get; }

    /// <summary>
    /// True for groups and channels (a negative id or a public username): Telegram's 20 messages per
    /// minute per group applies.
    /// </summary>
    public bool IsGroup => Id is < 0 || Username is not null;

    /// <summary>A numeric chat id.</summary>
    public static implicit operator TelegramChatId(long id) => new(id);

    /// <summary>A numeric chat id.</summary>
    public static TelegramChatId FromInt64(long id) => new(id);

    /// <summary>
    /// Reads <c>-1001234567890</c>, <c>@name</c>, <c>t.me/name</c> or <c>https://t.me/name</c>;
    /// false for anything else (a private <c>t.me/+…</c> invite link names no chat).
    /// </summary>
    public static bool TryParse(string? value, out TelegramChatId chat)
    {
        chat = default;
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) && id != 0)
        {
            chat = new TelegramChatId(id);
            return true;
        }

        foreach (var prefix in (string[])["https://t.me/", "http://t.me/", "t.me/", "@"])
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                var name = text[prefix.Length..].TrimEnd('/');
                if (name.Length >= 4 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && char.IsAsciiLetter(name[0]))
                {
                    chat = new TelegramChatId("@" + name);
                    return true;
                }

                return false;
            }
        }

        return false;
    }

    /// <summary>Telegram.Bot's <see cref="ChatId"/> for this chat (an unset chat id is 0, which names no chat).</summary>
    public ChatId ToChatId() => Username is { } username ? new ChatId(username) : new ChatId(Id ?? 0);

    /// <summary>The id, or the <c>@username</c>.</summary>
    public override string ToString() => Username ?? Id?.ToString(CultureInfo.InvariantCulture) ?? "";
}
