using Herald.Core.Domain;
using Herald.Core.Outcomes;
using Herald.Platforms.Abstractions;
using Herald.Platforms.TelegramUser.Td;
using Microsoft.Extensions.Logging;

namespace Herald.Platforms.TelegramUser;

/// <summary>
/// Telegram user accounts (<see cref="AccountKind.User"/>) through TDLib, one client per account
/// (<see cref="TelegramUserSessions"/>). Actions:
/// <list type="bullet">
/// <item><see cref="ActionKind.AddContact"/>: a phone through <c>importContacts</c>; a username through
/// <c>searchPublicChat</c>, then <c>addContact</c> → <c>Done(ContactAdded)</c>.</item>
/// <item><see cref="ActionKind.Invite"/>: <c>addChatMembers(chat, [user])</c> → <c>Done(Invited)</c> only when the user is
/// not in <c>failedToAddMembers</c>; a user there was not added (privacy) → <c>PrivacyRestricted(invite_privacy)</c>, which
/// the engine turns into the fallback message when the campaign allows it (counted as messaged instead of invited).</item>
/// <item><see cref="ActionKind.PersonalMessage"/>: username directly, phone only after <c>importContacts</c>;
/// <c>createPrivateChat</c>, <c>sendMessage</c>, and <c>Done(Messaged)</c> only on <c>updateMessageSendSucceeded</c>.</item>
/// </list>
/// Errors map through <see cref="TdErrors"/>; an account that ends up blocked has its client closed.
/// </summary>
public sealed partial class TelegramUserPlatform : IPlatformAdapter
{
    private readonly TelegramUserSessions _sessions;
    private readonly TelegramUserOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates the adapter.</summary>
    public TelegramUserPlatform(TelegramUserSessions sessions, TelegramUserOptions options, ILogger<TelegramUserPlatform> logger)
    {
        _sessions = sessions;
        _options = options;
        _logger = logger;
    }

    /// <inheritdoc />
    public PlatformKind Platform => PlatformKind.Telegram;

    /// <inheritdoc />
    public bool Handles(AccountKind kind) => kind == AccountKind.User;

    /// <inheritdoc />
    public async Task<ActionOutcome> ExecuteAsync(PlatformAccount account, PlatformAction action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(action);
        if (account.Kind != AccountKind.User || action.Kind is not (ActionKind.AddContact or ActionKind.Invite or ActionKind.PersonalMessage))
        {
            return new ActionOutcome.Permanent(TelegramUserReasons.UnsupportedAction);
        }

        var (session, problem) = await _sessions.GetAsync(account, cancellationToken);
        var outcome = problem ?? action.Kind switch
        {
            ActionKind.AddContact => await AddContactAsync(session!, action.Recipient, cancellationToken),
            ActionKind.Invite => await InviteAsync(session!, action, cancellationToken),
            _ => await MessageAsync(session!, action, cancellationToken),
        };
        switch (outcome)
        {
            case ActionOutcome.AccountBlocked blocked:
                Log.UserAccountUnusable(_logger, account.AccountId, blocked.Reason);
                await _sessions.CloseAsync(account.TenantId, account.AccountId);
                break;
            case ActionOutcome.RateLimited limited:
                Log.UserAccountWaits(_logger, account.AccountId, limited.RetryAfter);
                break;
        }

        return outcome;
    }

    /// <inheritdoc />
    public async Task<AdminRightsCheck> CheckAdminRightsAsync(PlatformAccount account, string chat, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (account.Kind != AccountKind.User)
        {
            return new AdminRightsCheck(false, false, TelegramUserReasons.UnsupportedAction);
        }

        var (session, problem) = await _sessions.GetAsync(account, cancellationToken);
        if (problem is not null)
        {
            return new AdminRightsCheck(false, false, Reason(problem));
        }

        var (chatId, chatProblem) = await ResolveChatAsync(session!, chat, cancellationToken);
        if (chatProblem is not null)
        {
            return new AdminRightsCheck(false, false, Reason(chatProblem));
        }

        var me = await session!.SendAsync(new() { ["@type"] = "getMe" }, cancellationToken);
        if (TdErrors.IsError(me))
        {
            return new AdminRightsCheck(false, false, Reason(TdErrors.ToOutcome(me)));
        }

        var member = await session.SendAsync(new()
        {
            ["@type"] = "getChatMember",
            ["chat_id"] = chatId,
            ["member_id"] = new System.Text.Json.Nodes.JsonObject { ["@type"] = "messageSenderUser", ["user_id"] = TdJson.Long(me["id"]) },
        }, cancellationToken);
        if (TdErrors.IsError(member))
        {
            return new AdminRightsCheck(false, false, Reason(TdErrors.ToOutcome(member)));
        }

        return TdJson.TypeOf(member["status"]) switch
        {
            "chatMemberStatusCreator" => new AdminRightsCheck(true, true),
            "chatMemberStatusAdministrator" => new AdminRightsCheck(true, member["status"]?["rights"]?["can_invite_users"]?.GetValue<bool>() ?? false),
            _ => new AdminRightsCheck(false, false),
        };
    }

    /// <inheritdoc />
    /// <remarks>Closes the account's client and stores its session, so the process that serves it next opens it alone.</remarks>
    public Task ReleaseAsync(PlatformAccount account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        return _sessions.CloseAsync(account.TenantId, account.AccountId);
    }

    private static string Reason(ActionOutcome outcome) => outcome switch
    {
        ActionOutcome.AccountBlocked b => b.Reason,
        ActionOutcome.NotInCampaign n => n.Reason,
        ActionOutcome.Permanent p => p.Reason,
        ActionOutcome.Transient t => t.Reason,
        ActionOutcome.RecipientGone g => g.Reason,
        ActionOutcome.PrivacyRestricted p => p.Reason,
        ActionOutcome.RateLimited => "rate_limited",
        _ => "failed",
    };
}
