using System.Security.Cryptography;
using Herald.Simulator.Telegram;

namespace Herald.Simulator;

// getMe, getChatMember, createChatInviteLink, approveChatJoinRequest: the calls about bots, members and groups.
public sealed partial class SimulatorState
{
    internal BotAnswer GetMe(long botId)
    {
        lock (_gate)
        {
            return BotAnswer.Ok(Bot(botId).User);
        }
    }

    internal BotAnswer GetChatMember(long botId, ChatRef chatRef, long userId)
    {
        lock (_gate)
        {
            if (!TryResolve(chatRef, out var chatId, out var group))
            {
                return BotAnswer.ChatNotFound;
            }

            var bot = Bot(botId);
            var user = userId == botId ? bot.User : new TgUser(userId, false, $"User {userId}");
            if (group is not null && (group.InviteAdministrators.Contains(userId) || group.Administrators.Contains(userId)))
            {
                var canInvite = group.InviteAdministrators.Contains(userId);
                return BotAnswer.Ok(new TgChatMember(
                    "administrator", user, CanBeEdited: false, IsAnonymous: false, CanManageChat: true, CanDeleteMessages: true,
                    CanRestrictMembers: false, CanPromoteMembers: false, CanChangeInfo: false, CanInviteUsers: canInvite));
            }

            // An unconfigured group is one where the bot is a plain member; a private chat holds the user and the bot.
            var isMember = group is not null ? group.Members.Contains(userId)
                : chatId < 0 ? userId == botId
                : userId == botId || userId == chatId;
            return BotAnswer.Ok(new TgChatMember(isMember ? "member" : "left", user));
        }
    }

    internal BotAnswer CreateChatInviteLink(long botId, ChatRef chatRef, string? name, long? expireDate, int? memberLimit, bool createsJoinRequest)
    {
        lock (_gate)
        {
            if (!TryResolve(chatRef, out var chatId, out var group))
            {
                return BotAnswer.ChatNotFound;
            }

            if (InviteRightsProblem(botId, chatId, group) is { } problem)
            {
                return problem;
            }

            var bot = Bot(botId);
            bot.InviteLinksCreated++;
            var link = "https://t.me/+" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', '-').Replace('/', '_');
            return BotAnswer.Ok(new TgChatInviteLink(link, bot.User, createsJoinRequest, IsPrimary: false, IsRevoked: false, name, expireDate, memberLimit));
        }
    }

    internal BotAnswer ApproveChatJoinRequest(long botId, ChatRef chatRef, long userId)
    {
        lock (_gate)
        {
            if (!TryResolve(chatRef, out var chatId, out var group))
            {
                return BotAnswer.ChatNotFound;
            }

            if (InviteRightsProblem(botId, chatId, group) is { } problem)
            {
                return problem;
            }

            if (!_joinRequests.Remove((chatId, userId)))
            {
                return BotAnswer.Error(400, "Bad Request: HIDE_REQUESTER_MISSING");
            }

            // The scenario is immutable once compiled: a new member joins through a fresh copy.
            var next = _scenario.Options.Clone();
            next.Groups.First(g => g.ChatId == chatId).Members.Add(userId);
            _scenario = new Scenario(next);
            return BotAnswer.Ok(true);
        }
    }

    private static BotAnswer? InviteRightsProblem(long botId, long chatId, SimulatedGroup? group) =>
        chatId > 0 ? BotAnswer.Error(400, "Bad Request: can't invite members to a private chat")
        : group is null || !group.InviteAdministrators.Contains(botId) ? BotAnswer.Error(400, "Bad Request: not enough rights to manage chat invite link")
        : null;
}
