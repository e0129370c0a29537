namespace Herald.Platforms.TelegramBot;

/// <summary>A Bot API <c>Message</c>, as far as Herald reads it.</summary>
/// <param name="MessageId">The message id within its chat (what edit and delete take).</param>
/// <param name="Chat">The chat it is in.</param>
/// <param name="Date">When it was sent, Unix seconds.</param>
/// <param name="Text">The text.</param>
/// <param name="EditDate">When it was last edited, Unix seconds.</param>
public sealed record TelegramMessage(long MessageId, TelegramChat Chat, long Date, string? Text = null, long? EditDate = null);
