using System.Globalization;
using System.Text.Json.Nodes;
using Herald.Core.Domain;
using Herald.Core.Outcomes;
using Herald.Platforms.Abstractions;
using Herald.Platforms.TelegramUser.Td;

namespace Herald.Platforms.TelegramUser;

// The three actions of a user account, and how a recipient and a chat are found.
public sealed partial class TelegramUserPlatform
{
    private static async Task<ActionOutcome> AddContactAsync(TdAccountSession session, Recipient recipient, CancellationToken cancellationToken)
    {
        if (recipient.UserId is null && recipient.Username is not { Length: > 0 } && recipient.Phone is { Length: > 0 })
        {
            var (_, problem) = await ImportAsync(session, recipient, cancellationToken);
            return problem ?? new ActionOutcome.Done(DoneKind.ContactAdded);
        }

        var (userId, unresolved) = await ResolveUserAsync(session, recipient, cancellationToken);
        if (unresolved is not null)
        {
            return unresolved;
        }

        var added = await session.SendAsync(new()
        {
            ["@type"] = "addContact",
            ["user_id"] = userId,
            ["contact"] = new JsonObject { ["@type"] = "importedContact", ["phone_number"] = "", ["first_name"] = recipient.Name ?? "", ["last_name"] = "", ["user_id"] = userId },
            ["share_phone_number"] = false,
        }, cancellationToken);
        return TdErrors.IsError(added) ? TdErrors.ToOutcome(added) : new ActionOutcome.Done(DoneKind.ContactAdded);
    }

    private static async Task<ActionOutcome> InviteAsync(TdAccountSession session, PlatformAction action, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(action.TargetChat))
        {
            return new ActionOutcome.Permanent(TelegramUserReasons.NoTargetChat);
        }

        var (chatId, chatProblem) = await ResolveChatAsync(session, action.TargetChat, cancellationToken);
        if (chatProblem is not null)
        {
            return chatProblem;
        }

        var (userId, unresolved) = await ResolveUserAsync(session, action.Recipient, cancellationToken);
        if (unresolved is not null)
        {
            return unresolved;
        }

        var answer = await session.SendAsync(new() { ["@type"] = "addChatMembers", ["chat_id"] = chatId, ["user_ids"] = new JsonArray(userId) }, cancellationToken);
        if (TdErrors.IsError(answer))
        {
            return TdErrors.ToOutcome(answer);
        }

        // A user in failedToAddMembers was not added (their privacy settings): never count them as invited.
        var failed = answer["failed_to_add_members"] as JsonArray ?? [];
        return failed.Any(f => TdJson.Long(f?["user_id"]) == userId)
            ? new ActionOutcome.PrivacyRestricted(TelegramUserReasons.InvitePrivacy)
            : new ActionOutcome.Done(DoneKind.Invited);
    }

    private async Task<ActionOutcome> MessageAsync(TdAccountSession session, PlatformAction action, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(action.Text))
        {
            return new ActionOutcome.Permanent(TelegramUserReasons.EmptyText);
        }

        var (userId, unresolved) = await ResolveUserAsync(session, action.Recipient, cancellationToken);
        if (unresolved is not null)
        {
            return unresolved;
        }

        var chat = await session.SendAsync(new() { ["@type"] = "createPrivateChat", ["user_id"] = userId, ["force"] = false }, cancellationToken);
        if (TdErrors.IsError(chat))
        {
            return TdErrors.ToOutcome(chat);
        }

        var sent = await session.SendAsync(new()
        {
            ["@type"] = "sendMessage",
            ["chat_id"] = TdJson.Long(chat["id"]),
            ["input_message_content"] = new JsonObject
            {
                ["@type"] = "inputMessageText",
                ["text"] = new JsonObject { ["@type"] = "formattedText", ["text"] = action.Text },
            },
        }, cancellationToken);
        if (TdErrors.IsError(sent))
        {
            return TdErrors.ToOutcome(sent);
        }

        // sendMessage answers a temporary message; only updateMessageSendSucceeded means it reached the person.
        var update = await session.WaitSentAsync(TdJson.Long(sent["id"]) ?? 0, _options.SendConfirmTimeout, cancellationToken);
        return TdJson.TypeOf(update) switch
        {
            "updateMessageSendSucceeded" => new ActionOutcome.Done(DoneKind.Messaged, TdJson.Long(update!["message"]?["id"])?.ToString(CultureInfo.InvariantCulture)),
            "updateMessageSendFailed" => TdErrors.ToOutcome(update!["error"]),

            // Still pending: it may yet arrive, so a retry could send it twice; not counted, not retried.
            _ => new ActionOutcome.Permanent("send_unconfirmed"),
        };
    }

    // A user id from the recipient: as given, by username (searchPublicChat), or by phone (importContacts, which adds the contact).
    private static async Task<(long UserId, ActionOutcome? Problem)> ResolveUserAsync(TdAccountSession session, Recipient recipient, CancellationToken cancellationToken)
    {
        if (recipient.UserId is > 0 and var id)
        {
            return (id, null);
        }

        if (recipient.Username is { Length: > 0 } username)
        {
            var chat = await session.SendAsync(new() { ["@type"] = "searchPublicChat", ["username"] = username.TrimStart('@') }, cancellationToken);
            if (TdErrors.IsError(chat))
            {
                return (0, TdErrors.ToOutcome(chat));
            }

            return TdJson.TypeOf(chat["type"]) == "chatTypePrivate" && TdJson.Long(chat["type"]?["user_id"]) is { } user
                ? (user, null)
                : (0, new ActionOutcome.Permanent(TelegramUserReasons.UsernameNotFound));
        }

        return recipient.Phone is { Length: > 0 }
            ? await ImportAsync(session, recipient, cancellationToken)
            : (0, new ActionOutcome.Permanent(TelegramUserReasons.NoRecipient));
    }

    private static async Task<(long UserId, ActionOutcome? Problem)> ImportAsync(TdAccountSession session, Recipient recipient, CancellationToken cancellationToken)
    {
        var imported = await session.SendAsync(new()
        {
            ["@type"] = "importContacts",
            ["contacts"] = new JsonArray(new JsonObject
            {
                ["@type"] = "importedContact",
                ["phone_number"] = recipient.Phone,
                ["first_name"] = recipient.Name ?? recipient.Phone,
                ["last_name"] = "",
            }),
        }, cancellationToken);
        if (TdErrors.IsError(imported))
        {
            return (0, TdErrors.ToOutcome(imported));
        }

        return (imported["user_ids"] as JsonArray)?.FirstOrDefault() is { } first && TdJson.Long(first) is > 0 and var user
            ? (user, null)
            : (0, new ActionOutcome.Permanent(TelegramUserReasons.NotOnTelegram));
    }

    // The campaign's chat: a TDLib chat id (-100…), @username, or a t.me/username link.
    private static async Task<(long ChatId, ActionOutcome? Problem)> ResolveChatAsync(TdAccountSession session, string chat, CancellationToken cancellationToken)
    {
        if (long.TryParse(chat, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id))
        {
            return (id, null);
        }

        var name = chat.Trim();
        foreach (var prefix in new[] { "https://t.me/", "http://t.me/", "t.me/", "@" })
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                name = name[prefix.Length..];
            }
        }

        if (name.Length is 0 || name.StartsWith('+') || name.Contains('/', StringComparison.Ordinal))
        {
            return (0, new ActionOutcome.Permanent(TelegramUserReasons.NoTargetChat));
        }

        var found = await session.SendAsync(new() { ["@type"] = "searchPublicChat", ["username"] = name }, cancellationToken);
        if (TdErrors.IsError(found))
        {
            var outcome = TdErrors.ToOutcome(found);
            return (0, outcome is ActionOutcome.Permanent ? new ActionOutcome.Permanent(TelegramUserReasons.TargetChatNotFound) : outcome);
        }

        return (TdJson.Long(found["id"]) ?? 0, null);
    }
}
