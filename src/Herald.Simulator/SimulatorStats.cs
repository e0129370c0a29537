namespace Herald.Simulator;

/// <summary>
/// What the simulator saw. Two measures of double sending, both counted over deliveries (a refused
/// send is not a delivery):
/// <list type="bullet">
/// <item><c>Duplicates</c>: deliveries whose chat had already received the very same text — per bot
/// from that bot, in <see cref="Totals"/> from any bot (one recipient messaged by two bots of a
/// tenant counts). <c>DuplicateRecipients</c>: chats with at least one such duplicate.</item>
/// <item><c>MultiMessageChats</c>: chats that received more than one delivery at all. After a
/// <c>reset</c> and one broadcast this is the "same recipient got the broadcast twice" count even
/// when texts differ per recipient (variants, templates).</item>
/// </list>
/// </summary>
/// <param name="Totals">Across all bots.</param>
/// <param name="Bots">Per bot, ordered by bot id.</param>
public sealed record SimulatorStats(SimulatorTotals Totals, IReadOnlyList<SimulatedBotStats> Bots);

/// <summary>Counts across all bots (see <see cref="SimulatorStats"/> for the duplicate measures).</summary>
/// <param name="Requests">Bot API calls by authorized bots.</param>
/// <param name="Delivered">Messages delivered.</param>
/// <param name="RateLimited">Calls answered 429.</param>
/// <param name="Duplicates">Deliveries repeating a text the chat already had from any bot.</param>
/// <param name="DuplicateRecipients">Chats with at least one duplicate.</param>
/// <param name="MultiMessageChats">Chats with more than one delivery.</param>
/// <param name="PaidDelivered">Messages delivered as paid broadcasts (<c>allow_paid_broadcast</c>).</param>
public sealed record SimulatorTotals(long Requests, long Delivered, long RateLimited, long Duplicates, long DuplicateRecipients, long MultiMessageChats, long PaidDelivered = 0);

/// <summary>Counts for one bot.</summary>
/// <param name="BotId">The bot id (the number before the token's colon).</param>
/// <param name="Requests">Bot API calls made with an accepted token.</param>
/// <param name="Delivered">Messages delivered.</param>
/// <param name="RateLimited">Calls answered 429.</param>
/// <param name="Edited">Successful <c>editMessageText</c> calls.</param>
/// <param name="Deleted">Successful <c>deleteMessage</c> calls.</param>
/// <param name="InviteLinksCreated">Successful <c>createChatInviteLink</c> calls.</param>
/// <param name="Duplicates">Deliveries repeating a text the chat already had from this bot.</param>
/// <param name="DuplicateRecipients">Chats with at least one duplicate from this bot.</param>
/// <param name="MultiMessageChats">Chats that got more than one delivery from this bot.</param>
/// <param name="Errors">Error answers by <c>error_code</c> (429 included), e.g. <c>{"403": 2}</c>.</param>
/// <param name="PaidDelivered">Messages delivered as paid broadcasts (each took 0.1 Stars).</param>
public sealed record SimulatedBotStats(
    long BotId,
    long Requests,
    long Delivered,
    long RateLimited,
    long Edited,
    long Deleted,
    long InviteLinksCreated,
    long Duplicates,
    long DuplicateRecipients,
    long MultiMessageChats,
    IReadOnlyDictionary<string, long> Errors,
    long PaidDelivered = 0);
