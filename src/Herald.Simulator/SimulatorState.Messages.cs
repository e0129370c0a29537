using System.Text.Json;
using Herald.Simulator.Telegram;

namespace Herald.Simulator;

// sendMessage, editMessageText, deleteMessage: the calls that touch messages.
public sealed partial class SimulatorState
{
    internal BotAnswer SendMessage(long botId, ChatRef chatRef, string text, string? parseMode, JsonElement? replyMarkup, bool paid = false)
    {
        lock (_gate)
        {
            if (!TryResolve(chatRef, out var chatId, out var group))
            {
                return BotAnswer.ChatNotFound;
            }

            if (RecipientProblem(chatId) is { } refused)
            {
                return refused;
            }

            var bot = Bot(botId);
            var now = TimeProvider.GetUtcNow();
            if (ForcedRateLimit(bot, now) is { } forced)
            {
                return forced;
            }

            var wait = bot.Limits.WaitFor(chatId, now, _scenario.Options, paid);
            if (wait > TimeSpan.Zero)
            {
                bot.RateLimited++;
                return BotAnswer.TooManyRequests((int)Math.Max(1, Math.Ceiling(wait.TotalSeconds)));
            }

            if (paid && !TryPay(bot))
            {
                bot.BalanceTooLow++;
                return BotAnswer.BalanceTooLow;
            }

            bot.Limits.Take(chatId, now, _scenario.Options, paid);
            var messageId = bot.NextMessageId(chatId);
            var delivery = new SimulatedDelivery(_deliveries.Count + 1, botId, chatId, messageId, text, parseMode, replyMarkup, now, Paid: paid);
            bot.Messages[(chatId, messageId)] = _deliveries.Count;
            _deliveries.Add(delivery);
            bot.Delivered++;
            if (paid)
            {
                bot.PaidDelivered++;
            }
            return BotAnswer.Ok(ToMessage(bot, chatId, group, delivery));
        }
    }

    internal BotAnswer EditMessageText(long botId, ChatRef chatRef, long messageId, string text, string? parseMode, JsonElement? replyMarkup)
    {
        lock (_gate)
        {
            if (!TryResolve(chatRef, out var chatId, out var group))
            {
                return BotAnswer.ChatNotFound;
            }

            if (RecipientProblem(chatId) is { } refused)
            {
                return refused;
            }

            var bot = Bot(botId);
            if (!bot.Messages.TryGetValue((chatId, messageId), out var index) || _deliveries[index].DeletedAt is not null)
            {
                return BotAnswer.Error(400, "Bad Request: message to edit not found");
            }

            var current = _deliveries[index];
            if ((current.EditedText ?? current.Text) == text && Raw(current.ReplyMarkup) == Raw(replyMarkup))
            {
                return BotAnswer.Error(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
            }

            var now = TimeProvider.GetUtcNow();
            var edited = current with { EditedText = text, EditedAt = now, ParseMode = parseMode, ReplyMarkup = replyMarkup };
            _deliveries[index] = edited;
            bot.Edited++;
            return BotAnswer.Ok(ToMessage(bot, chatId, group, edited));
        }
    }

    internal BotAnswer DeleteMessage(long botId, ChatRef chatRef, long messageId)
    {
        lock (_gate)
        {
            if (!TryResolve(chatRef, out var chatId, out _))
            {
                return BotAnswer.ChatNotFound;
            }

            var bot = Bot(botId);
            if (!bot.Messages.TryGetValue((chatId, messageId), out var index) || _deliveries[index].DeletedAt is not null)
            {
                return BotAnswer.Error(400, "Bad Request: message to delete not found");
            }

            _deliveries[index] = _deliveries[index] with { DeletedAt = TimeProvider.GetUtcNow() };
            bot.Deleted++;
            return BotAnswer.Ok(true);
        }
    }

    // Under the lock. Private chats only: whether this user can receive from bots at all.
    private BotAnswer? RecipientProblem(long chatId)
    {
        if (chatId <= 0)
        {
            return null;
        }

        var scenario = _scenario;
        return scenario.Deactivated.Contains(chatId) ? BotAnswer.Error(403, "Forbidden: user is deactivated")
            : scenario.Blocked.Contains(chatId) ? BotAnswer.Error(403, "Forbidden: bot was blocked by the user")
            : scenario.NeverStarted.Contains(chatId) ? BotAnswer.Error(403, "Forbidden: bot can't initiate conversation with a user")
            : null;
    }

    // Under the lock. A chat exists unless listed unknown; an @username only when a configured group has it.
    private bool TryResolve(ChatRef chatRef, out long chatId, out SimulatedGroup? group)
    {
        var scenario = _scenario;
        group = null;
        chatId = 0;
        if (chatRef.Username is { } username)
        {
            if (!scenario.GroupsByUsername.TryGetValue(username.TrimStart('@'), out group))
            {
                return false;
            }

            chatId = group.ChatId;
        }
        else if (chatRef.Id is { } id and not 0)
        {
            chatId = id;
            scenario.GroupsById.TryGetValue(id, out group);
        }
        else
        {
            return false;
        }

        return !scenario.Unknown.Contains(chatId);
    }

    private static TgMessage ToMessage(SimulatedBot bot, long chatId, SimulatedGroup? group, SimulatedDelivery delivery) =>
        new(
            delivery.MessageId,
            bot.User,
            ToChat(chatId, group),
            delivery.DeliveredAt.ToUnixTimeSeconds(),
            delivery.EditedText ?? delivery.Text,
            delivery.EditedAt?.ToUnixTimeSeconds(),
            delivery.ReplyMarkup);

    private static TgChat ToChat(long chatId, SimulatedGroup? group) => chatId > 0
        ? new TgChat(chatId, "private", FirstName: $"User {chatId}")
        : new TgChat(chatId, chatId < -1_000_000_000_000 ? "supergroup" : "group", group?.Title ?? $"Group {-chatId}", group?.Username);

    private static string? Raw(JsonElement? element) => element?.GetRawText();
}
