using Herald.Core.Domain;

namespace Herald.Platforms.Abstractions;

/// <summary>One action for one recipient, already rendered (the template is applied before).</summary>
/// <param name="Kind">What to do.</param>
/// <param name="Recipient">Who it is for.</param>
/// <param name="Text">The rendered message text, when the action sends one.</param>
/// <param name="TargetChat">The group or channel for invites (id, @username or link).</param>
/// <param name="IdempotencyKey">Stable per target and attempt, so a platform that supports it never sends twice.</param>
/// <param name="InlineKeyboard">Optional inline keyboard rows for bot messages (R14).</param>
/// <param name="PaidMessagesPerSecond">
/// When set, the campaign pays for this bot's broadcast: a send the free rate has no room for goes as a paid broadcast
/// (Telegram's <c>allow_paid_broadcast</c>), the bot's sends staying under this many per second (at most 1,000).
/// Null (the default): free sends only.
/// </param>
public sealed record PlatformAction(
    ActionKind Kind,
    Recipient Recipient,
    string? Text,
    string? TargetChat,
    string IdempotencyKey,
    IReadOnlyList<IReadOnlyList<InlineButton>>? InlineKeyboard = null,
    int? PaidMessagesPerSecond = null);

/// <summary>One inline-keyboard button: a URL button or a callback button.</summary>
public sealed record InlineButton(string Text, string? Url = null, string? CallbackData = null);
