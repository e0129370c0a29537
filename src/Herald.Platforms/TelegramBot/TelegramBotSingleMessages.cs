using Herald.Core.Domain;
using Herald.Platforms.Abstractions;
using Telegram.Bot.Types.Enums;

namespace Herald.Platforms.TelegramBot;

/// <summary>
/// Single bot messages for the engine's transactional lane: <see cref="TelegramBotMessenger"/> (the bot's limiter in
/// this process, the one the bot's broadcast sends wait on) with the token resolved from the secret store. The lane
/// runs under the account's lease, so this process is the only one sending for the bot while it runs.
/// </summary>
public sealed class TelegramBotSingleMessages : ISingleMessagePlatform
{
    private readonly TelegramBotMessenger _messenger;
    private readonly TelegramBotCredentials _credentials;

    internal TelegramBotSingleMessages(TelegramBotMessenger messenger, TelegramBotCredentials credentials)
    {
        _messenger = messenger;
        _credentials = credentials;
    }

    /// <inheritdoc />
    public PlatformKind Platform => PlatformKind.Telegram;

    /// <inheritdoc />
    public bool Handles(AccountKind kind) => kind == AccountKind.Bot;

    /// <inheritdoc />
    public async Task<SingleMessageResult> ExecuteAsync(PlatformAccount account, SingleMessageCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(command);
        if (!TelegramChatId.TryParse(command.ChatId, out var chat))
        {
            return new SingleMessageResult(new PlatformError("api", 400, "Bad Request: chat not found"));
        }

        var (token, problem) = await _credentials.ResolveAsync(account, cancellationToken);
        if (token is null)
        {
            return new SingleMessageResult(null, AccountUnusable: problem ?? TelegramReasons.BadToken);
        }

        var keyboard = TelegramKeyboards.From(command.InlineKeyboard, b => (b.Text, b.Url, b.CallbackData));
        var parseMode = Enum.TryParse<ParseMode>(command.ParseMode, ignoreCase: true, out var mode) ? mode : ParseMode.None;
        switch (command.Kind)
        {
            case SingleMessageKind.Send:
                var sent = await _messenger.SendMessageAsync(token, chat, command.Text ?? "", parseMode, keyboard, cancellationToken);
                return sent.IsOk ? new SingleMessageResult(null, sent.Value.Id) : Failed(account, sent.Error);
            case SingleMessageKind.Edit:
                var edited = await _messenger.EditMessageTextAsync(token, chat, command.PlatformMessageId, command.Text ?? "", parseMode, keyboard, cancellationToken);
                return edited.IsOk ? new SingleMessageResult(null, command.PlatformMessageId) : Failed(account, edited.Error);
            default:
                var deleted = await _messenger.DeleteMessageAsync(token, chat, command.PlatformMessageId, cancellationToken);
                return deleted.IsOk ? new SingleMessageResult(null, command.PlatformMessageId) : Failed(account, deleted.Error);
        }
    }

    /// <summary>The platform-neutral error of a failed Bot API call.</summary>
    public static PlatformError ToPlatformError(TelegramApiError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new PlatformError(error.Source.ToString().ToLowerInvariant(), error.ErrorCode, error.Description, error.RetryAfter);
    }

    /// <summary>A Bot API error read back from its platform-neutral form.</summary>
    public static TelegramApiError FromPlatformError(PlatformError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var source = Enum.TryParse<TelegramErrorSource>(error.Source, ignoreCase: true, out var s) ? s : TelegramErrorSource.Network;
        return new TelegramApiError(source, error.ErrorCode, error.Description, error.RetryAfter);
    }

    private SingleMessageResult Failed(PlatformAccount account, TelegramApiError error)
    {
        if (error is { Source: TelegramErrorSource.Api, ErrorCode: 401 })
        {
            _credentials.Forget(account);
        }

        return new SingleMessageResult(ToPlatformError(error));
    }
}
