namespace Herald.Platforms.TelegramBot;

/// <summary>A Bot API <c>InlineKeyboardButton</c>: a URL button or a callback button.</summary>
/// <param name="Text">The label.</param>
/// <param name="Url">The link it opens.</param>
/// <param name="CallbackData">1–64 bytes sent back to the bot when pressed.</param>
public sealed record TelegramInlineKeyboardButton(string Text, string? Url = null, string? CallbackData = null);
