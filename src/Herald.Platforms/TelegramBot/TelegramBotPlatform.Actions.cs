using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Herald.Core.Outcomes;
using Herald.Platforms.Abstractions;
using Telegram.Bot.Requests;
using Telegram.Bot.Types.ReplyMarkups;

namespace Herald.Platforms.TelegramBot;

// The two actions a bot can take for a recipient, and the paced send both go through.
public sealed partial class TelegramBotPlatform
{
    private async Task<ActionOutcome> MessageAsync(TelegramBotToken token, long userId, PlatformAction action, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(action.Text))
        {
            return new ActionOutcome.Permanent(TelegramReasons.EmptyText);
        }

        return await SendPacedAsync(token, userId, action.Text, Keyboard(action), DoneKind.Messaged, action.PaidMessagesPerSecond, cancellationToken);
    }

    private async Task<ActionOutcome> InviteAsync(TelegramBotToken token, long userId, PlatformAction action, CancellationToken cancellationToken)
    {
        if (!TelegramChatId.TryParse(action.TargetChat, out var target))
        {
            return new ActionOutcome.Permanent(TelegramReasons.NoTargetChat);
        }

        var expires = _options.InviteLinkLifetime is { } lifetime ? _time.GetUtcNow() + lifetime : (DateTimeOffset?)null;
        var request = new CreateChatInviteLinkRequest { ChatId = target.ToChatId(), Name = LinkName(action.IdempotencyKey), ExpireDate = expires?.UtcDateTime, MemberLimit = 1 };
        var link = await _api.SendAsync(token, request, cancellationToken);
        if (!link.IsOk)
        {
            if (link.Error.IsRateLimited)
            {
                // Invite links are not messages to a chat: a 429 here is about the bot.
                _limiters.For(token).ReportRateLimited(null, link.Error.RetryAfter ?? _options.DefaultRetryAfter);
            }

            return TelegramOutcomes.ForTargetChat(link.Error, _options.DefaultRetryAfter);
        }

        var text = InviteText(action.Text, link.Value.InviteLink);
        return await SendPacedAsync(token, userId, text, Keyboard(action), DoneKind.Invited, action.PaidMessagesPerSecond, cancellationToken);
    }

    private async Task<ActionOutcome> SendPacedAsync(
        TelegramBotToken token,
        long userId,
        string text,
        InlineKeyboardMarkup? keyboard,
        DoneKind done,
        int? paidPerSecond,
        CancellationToken cancellationToken)
    {
        var chat = TelegramChatId.FromInt64(userId);
        var limiter = _limiters.For(token);
        for (var attempt = 0; ; attempt++)
        {
            var paid = await limiter.WaitAsync(chat, paidPerSecond, cancellationToken);
            var request = new SendMessageRequest { ChatId = chat.ToChatId(), Text = text, ReplyMarkup = keyboard, AllowPaidBroadcast = paid };
            var sent = await _api.SendAsync(token, request, cancellationToken);
            if (sent.IsOk)
            {
                return new ActionOutcome.Done(done, sent.Value.Id.ToString(CultureInfo.InvariantCulture), paid);
            }

            if (!sent.Error.IsRateLimited)
            {
                if (paid && TelegramOutcomes.ForPaidSend(sent.Error, _options.DefaultRetryAfter) is ActionOutcome.BalanceSpent spent)
                {
                    Log.StarsBalanceSpent(_logger, token.BotId);
                    return spent;
                }

                return TelegramOutcomes.ForRecipient(sent.Error, _options.DefaultRetryAfter);
            }

            var retryAfter = sent.Error.RetryAfter ?? _options.DefaultRetryAfter;
            if (limiter.ReportRateLimited(chat, retryAfter) == RateLimitScope.Bot)
            {
                Log.BotFloodPaused(_logger, token.BotId, retryAfter);
                return new ActionOutcome.RateLimited(retryAfter);
            }

            Log.ChatRateLimited(_logger, token.BotId, retryAfter);
            if (attempt >= 1 || retryAfter > _options.ChatRetryAfterWaitLimit)
            {
                return new ActionOutcome.Transient(TelegramReasons.ChatRateLimited);
            }

            // The limiter holds this chat (only this chat) until retry_after has passed.
        }
    }

    private static InlineKeyboardMarkup? Keyboard(PlatformAction action) => TelegramKeyboards.From(action.InlineKeyboard, b => (b.Text, b.Url, b.CallbackData));

    private static string InviteText(string? text, string link) =>
        string.IsNullOrWhiteSpace(text) ? link
        : text.Contains(InviteLinkPlaceholder, StringComparison.Ordinal) ? text.Replace(InviteLinkPlaceholder, link, StringComparison.Ordinal)
        : text + "\n\n" + link;

    // Administrators see the link's name: a short hash ties it to the target without naming the recipient.
    private static string LinkName(string idempotencyKey) =>
        "herald-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..12];
}
