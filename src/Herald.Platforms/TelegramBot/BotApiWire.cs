namespace Herald.Platforms.TelegramBot;

// The Bot API's request bodies and answer envelope, in Telegram's snake_case (TelegramBotClient.Json).
internal sealed record BotApiResponse<T>(bool Ok, T? Result = default, int? ErrorCode = null, string? Description = null, BotApiResponseParameters? Parameters = null);

internal sealed record BotApiResponseParameters(int? RetryAfter = null, long? MigrateToChatId = null);

internal sealed record InlineKeyboardMarkup(IReadOnlyList<IReadOnlyList<TelegramInlineKeyboardButton>> InlineKeyboard);

internal sealed record SendMessageRequest(TelegramChatId ChatId, string Text, string? ParseMode, InlineKeyboardMarkup? ReplyMarkup);

internal sealed record EditMessageTextRequest(TelegramChatId ChatId, long MessageId, string Text, string? ParseMode, InlineKeyboardMarkup? ReplyMarkup);

internal sealed record MessageRequest(TelegramChatId ChatId, long MessageId);

internal sealed record ChatUserRequest(TelegramChatId ChatId, long UserId);

internal sealed record CreateChatInviteLinkRequest(TelegramChatId ChatId, string? Name, long? ExpireDate, int? MemberLimit, bool? CreatesJoinRequest);
