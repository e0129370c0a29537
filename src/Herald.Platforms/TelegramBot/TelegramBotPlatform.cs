using Herald.Core.Domain;
using Herald.Core.Outcomes;
using Herald.Platforms.Abstractions;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Requests;
using Telegram.Bot.Types;

namespace Herald.Platforms.TelegramBot;

/// <summary>
/// Telegram bots through the Bot API (<see cref="AccountKind.Bot"/> accounts only). Each call
/// resolves the bot's token through <see cref="ISecretStore"/> (cached briefly), paces sends with
/// the bot's limiter, and maps every answer onto an <see cref="ActionOutcome"/> whose reasons are
/// the codes in <see cref="TelegramReasons"/>:
/// <list type="bullet">
/// <item>429 → the limiter pauses that chat; a short <c>retry_after</c> is waited out in the call and
/// the send retried once; a longer one is <c>Transient(chat_rate_limited)</c>. Only a flood across
/// chats (or a 429 about no chat) pauses the bot and answers <c>RateLimited(retry_after)</c>.</item>
/// <item>403 blocked / deactivated → <c>RecipientGone(blocked_by_user | user_deactivated)</c>: the
/// engine suppresses the recipient (R34).</item>
/// <item>400 chat not found → <c>Permanent(chat_not_found)</c>; other 400/403 → <c>Permanent</c>.</item>
/// <item>401 → <c>AccountBlocked(bad_token)</c>; 5xx, network errors, timeouts → <c>Transient</c>.</item>
/// </list>
/// Actions: <see cref="ActionKind.BotMessage"/> sends the text (and inline keyboard) to the
/// recipient's user id. <see cref="ActionKind.Invite"/> is a bot's way to invite — bots cannot add
/// anyone to a group: it creates a personal invite link (<c>member_limit</c> 1) to the target chat and
/// sends it to the recipient (replacing <c>{invite_link}</c> in the text, else appended on its own
/// line); <c>Done(Invited)</c> only when both calls succeed. The Bot API has no idempotency key: a
/// send is at most once only because the engine claims the target before calling.
/// </summary>
public sealed partial class TelegramBotPlatform : IPlatformAdapter
{
    /// <summary>The placeholder an invite's text may carry for the personal link.</summary>
    public const string InviteLinkPlaceholder = "{invite_link}";

    private readonly TelegramBotApi _api;
    private readonly TelegramBotCredentials _credentials;
    private readonly TelegramBotRateLimiters _limiters;
    private readonly TelegramBotOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    internal TelegramBotPlatform(
        TelegramBotApi api,
        TelegramBotCredentials credentials,
        TelegramBotRateLimiters limiters,
        TelegramBotOptions options,
        TimeProvider timeProvider,
        ILogger<TelegramBotPlatform> logger)
    {
        _api = api;
        _credentials = credentials;
        _limiters = limiters;
        _options = options;
        _time = timeProvider;
        _logger = logger;
    }

    /// <inheritdoc />
    public PlatformKind Platform => PlatformKind.Telegram;

    /// <inheritdoc />
    public bool Handles(AccountKind kind) => kind == AccountKind.Bot;

    /// <inheritdoc />
    public async Task<ActionOutcome> ExecuteAsync(PlatformAccount account, PlatformAction action, CancellationToken cancellationToken = default)
    {
        if (account.Kind != AccountKind.Bot)
        {
            return new ActionOutcome.Permanent(TelegramReasons.UnsupportedAccountKind);
        }

        if (action.Kind is not (ActionKind.BotMessage or ActionKind.Invite))
        {
            return new ActionOutcome.Permanent(TelegramReasons.UnsupportedAction);
        }

        if (action.Recipient.UserId is not { } userId || userId <= 0)
        {
            return new ActionOutcome.Permanent(TelegramReasons.NoChatId);
        }

        var (token, problem) = await _credentials.ResolveAsync(account, cancellationToken);
        if (token is null)
        {
            return Unusable(account, problem!);
        }

        var outcome = action.Kind == ActionKind.Invite
            ? await InviteAsync(token, userId, action, cancellationToken)
            : await MessageAsync(token, userId, action, cancellationToken);
        if (outcome is ActionOutcome.AccountBlocked blocked)
        {
            _credentials.Forget(account);
            Log.BotAccountUnusable(_logger, account.AccountId, blocked.Reason);
        }

        return outcome;
    }

    /// <inheritdoc />
    public async Task<AdminRightsCheck> CheckAdminRightsAsync(PlatformAccount account, string chat, CancellationToken cancellationToken = default)
    {
        if (account.Kind != AccountKind.Bot)
        {
            return new AdminRightsCheck(false, false, TelegramReasons.UnsupportedAccountKind);
        }

        if (!TelegramChatId.TryParse(chat, out var chatId))
        {
            return new AdminRightsCheck(false, false, TelegramReasons.NoTargetChat);
        }

        var (token, problem) = await _credentials.ResolveAsync(account, cancellationToken);
        if (token is null)
        {
            return new AdminRightsCheck(false, false, problem);
        }

        // A bot's own user id is the number its token starts with (what getMe would answer).
        var member = await _api.SendAsync(token, new GetChatMemberRequest { ChatId = chatId.ToChatId(), UserId = token.BotId }, cancellationToken);
        return member.IsOk
            ? new AdminRightsCheck(
                member.Value is ChatMemberOwner or ChatMemberAdministrator,
                member.Value is ChatMemberOwner or ChatMemberAdministrator { CanInviteUsers: true })
            : Failed(account, TelegramOutcomes.ForTargetChat(member.Error, _options.DefaultRetryAfter));
    }

    private AdminRightsCheck Failed(PlatformAccount account, ActionOutcome outcome)
    {
        if (outcome is ActionOutcome.AccountBlocked)
        {
            _credentials.Forget(account);
        }

        return new AdminRightsCheck(false, false, TelegramOutcomes.Reason(outcome));
    }

    private ActionOutcome.AccountBlocked Unusable(PlatformAccount account, string reason)
    {
        Log.BotAccountUnusable(_logger, account.AccountId, reason);
        return new ActionOutcome.AccountBlocked(reason);
    }
}
