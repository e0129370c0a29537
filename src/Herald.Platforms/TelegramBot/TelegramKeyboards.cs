using Telegram.Bot.Types.ReplyMarkups;

namespace Herald.Platforms.TelegramBot;

/// <summary>Builds Telegram.Bot's inline keyboards from Herald's button rows (a platform action's, an API request's).</summary>
public static class TelegramKeyboards
{
    /// <summary>The keyboard of <paramref name="rows"/>: URL and callback buttons; null when there are no rows.</summary>
    /// <typeparam name="TButton">Herald's button type.</typeparam>
    /// <param name="rows">The rows of buttons, top to bottom.</param>
    /// <param name="read">A button's label, link and callback data (one of the last two is set).</param>
    public static InlineKeyboardMarkup? From<TButton>(IEnumerable<IEnumerable<TButton>>? rows, Func<TButton, (string Text, string? Url, string? CallbackData)> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var keyboard = rows?.Select(row => row.Select(button => Button(read(button))).ToList()).ToList();
        return keyboard is { Count: > 0 } ? new InlineKeyboardMarkup(keyboard) : null;
    }

    private static InlineKeyboardButton Button((string Text, string? Url, string? CallbackData) button) =>
        new(button.Text) { Url = button.Url, CallbackData = button.CallbackData };
}
