using Herald.Host.Resources;
using Herald.Host.Validation;
using Herald.Platforms.TelegramBot;
using Telegram.Bot.Types.Enums;

namespace Herald.Host.Messages;

/// <summary>How Telegram formats a message's text.</summary>
public enum MessageParseMode
{
    /// <summary>Telegram's HTML subset (formatting tags only; no scripts).</summary>
    Html,

    /// <summary>MarkdownV2.</summary>
    MarkdownV2,

    /// <summary>Legacy Markdown.</summary>
    Markdown,
}

/// <summary>The body of <c>POST /api/messages</c>: one bot message (R14).</summary>
public sealed class SendMessageRequest : IValidatableRequest
{
    /// <summary>The Telegram bot account that sends it.</summary>
    public required string AccountId { get; init; }

    /// <summary>The chat: a user id (the user must have started the bot), a group id, or a channel's <c>@username</c>.</summary>
    public required string ChatId { get; init; }

    /// <summary>The text (the platform's limit applies; plain text unless <see cref="ParseMode"/> says otherwise).</summary>
    public required string Text { get; init; }

    /// <summary>How Telegram formats the text; plain text when left out.</summary>
    public MessageParseMode? ParseMode { get; init; }

    /// <summary>Buttons under the message.</summary>
    public IReadOnlyList<IReadOnlyList<InlineButtonRequest>>? InlineKeyboard { get; init; }

    /// <inheritdoc />
    public void Validate(ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!ResourceIds.IsValid(AccountId))
        {
            errors.Add("accountId", "Not an account id.");
        }

        if (!TelegramChatId.TryParse(ChatId, out _))
        {
            errors.Add("chatId", "Must be a numeric chat id, an @username or a t.me link.");
        }

        MessageText.Validate(errors, Text, ParseMode, InlineKeyboard);
    }
}

/// <summary>The body of <c>PATCH /api/messages/{id}</c>: the new text (and keyboard).</summary>
public sealed class EditMessageRequest : IValidatableRequest
{
    /// <summary>The new text.</summary>
    public required string Text { get; init; }

    /// <summary>How Telegram formats the text; plain text when left out.</summary>
    public MessageParseMode? ParseMode { get; init; }

    /// <summary>The new buttons; the message keeps none when left out.</summary>
    public IReadOnlyList<IReadOnlyList<InlineButtonRequest>>? InlineKeyboard { get; init; }

    /// <inheritdoc />
    public void Validate(ValidationErrors errors) => MessageText.Validate(errors, Text, ParseMode, InlineKeyboard);
}

/// <summary>The checks every message text gets.</summary>
internal static class MessageText
{
    public static void Validate(ValidationErrors errors, string text, MessageParseMode? parseMode, IReadOnlyList<IReadOnlyList<InlineButtonRequest>>? keyboard)
    {
        errors.NotBlank("text", text);
        if (parseMode == MessageParseMode.Html)
        {
            errors.AllowedHtml("text", text);
        }
        else
        {
            errors.NoMarkup("text", text);
        }

        InlineKeyboards.Validate(errors, "inlineKeyboard", keyboard);
    }

    /// <summary>Telegram's <c>parse_mode</c> value.</summary>
    public static ParseMode Wire(MessageParseMode? mode) => mode switch
    {
        MessageParseMode.Html => ParseMode.Html,
        MessageParseMode.MarkdownV2 => ParseMode.MarkdownV2,
        MessageParseMode.Markdown => ParseMode.Markdown,
        _ => ParseMode.None,
    };
}
