using System.Text.Json;

namespace Herald.Simulator;

/// <summary>One message the simulator delivered (a successful <c>sendMessage</c>), as it stands now.</summary>
/// <param name="Sequence">Delivery order across all bots, from 1.</param>
/// <param name="BotId">The sending bot (the number before the token's colon).</param>
/// <param name="ChatId">The receiving chat (a user id for private chats, negative for groups).</param>
/// <param name="MessageId">The message id in that chat, as answered to the bot.</param>
/// <param name="Text">The text as sent.</param>
/// <param name="ParseMode">The <c>parse_mode</c> sent, if any, in Telegram's spelling (<c>HTML</c>, <c>Markdown</c>, <c>MarkdownV2</c>) whatever its case.</param>
/// <param name="ReplyMarkup">The <c>reply_markup</c> sent (e.g. <c>{"inline_keyboard":[[…]]}</c>), if any.</param>
/// <param name="DeliveredAt">When it was delivered, on the simulator's clock.</param>
/// <param name="EditedText">The text after the last <c>editMessageText</c>, if edited.</param>
/// <param name="EditedAt">When it was last edited.</param>
/// <param name="DeletedAt">When it was deleted by <c>deleteMessage</c>.</param>
/// <param name="Paid">Sent with <c>allow_paid_broadcast: true</c> (and paid for with 0.1 Stars).</param>
public sealed record SimulatedDelivery(
    long Sequence,
    long BotId,
    long ChatId,
    long MessageId,
    string Text,
    string? ParseMode,
    JsonElement? ReplyMarkup,
    DateTimeOffset DeliveredAt,
    string? EditedText = null,
    DateTimeOffset? EditedAt = null,
    DateTimeOffset? DeletedAt = null,
    bool Paid = false);

/// <summary>One page of deliveries in delivery order.</summary>
/// <param name="Total">How many deliveries match the filter.</param>
/// <param name="Offset">How many matching deliveries were skipped.</param>
/// <param name="Limit">The page size asked for.</param>
/// <param name="Items">The page.</param>
public sealed record DeliveryPage(int Total, int Offset, int Limit, IReadOnlyList<SimulatedDelivery> Items);
