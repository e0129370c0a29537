using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Herald.Platforms.TelegramBot;

/// <summary>
/// A bot token (<c>123456:ABC-def…</c>). Its secret part never leaves this type except into the
/// request path: <see cref="ToString"/> shows <c>123456:***</c>, so a token in a log message,
/// an exception or a debugger shows only the (public) bot id.
/// </summary>
public sealed partial class TelegramBotToken
{
    private TelegramBotToken(string value, long botId)
    {
        Value = value;
        BotId = botId;
    }

    /// <summary>The bot's user id: the number before the colon (public, safe to log).</summary>
    public long BotId { get; }

    /// <summary>The full token, for the request path only.</summary>
    internal string Value { get; }

    /// <summary>Parses a token; false when <paramref name="value"/> is not shaped like one.</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out TelegramBotToken? token)
    {
        token = null;
        var trimmed = value?.Trim();
        if (trimmed is null)
        {
            return false;
        }

        var match = Shape().Match(trimmed);
        if (!match.Success || !long.TryParse(match.Groups["id"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var botId))
        {
            return false;
        }

        token = new TelegramBotToken(trimmed, botId);
        return true;
    }

    /// <summary>Parses a token.</summary>
    /// <exception cref="FormatException">Not a bot token (the message never repeats the value).</exception>
    public static TelegramBotToken Parse(string value) =>
        TryParse(value, out var token) ? token : throw new FormatException("The value is not a Telegram bot token.");

    /// <summary>The bot id and a mask: <c>123456:***</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{BotId}:***");

    [GeneratedRegex("^(?<id>[1-9][0-9]{0,18}):[A-Za-z0-9_-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
