using System.Text.Json.Nodes;

namespace Herald.Simulator.TdLib;

// What a logged-in account can do, with Telegram's answers.
public sealed partial class TdWorld
{
    private JsonObject HandleAction(TdSimClient client, string method, JsonObject request)
    {
        var me = client.Account!.UserId;
        switch (method)
        {
            case "getMe":
                return UserObject(User(me)!);
            case "addProxy":
                var proxy = new JsonObject
                {
                    ["@type"] = "addedProxy",
                    ["id"] = _proxies.Count + 1,
                    ["proxy"] = request["proxy"]?.DeepClone(),
                    ["is_enabled"] = request["enable"]?.DeepClone() ?? false,
                    ["comment"] = request["comment"]?.DeepClone(),
                };
                _proxies.Add((client.Id, proxy));
                return (JsonObject)proxy.DeepClone();
            case "searchPublicChat":
                return SearchPublicChat(request["username"]?.GetValue<string>() ?? "");
            case "searchUserByPhoneNumber":
                var byPhone = _scenario.Users.FirstOrDefault(u => u.Phone is not null && u.Phone == request["phone_number"]?.GetValue<string>());
                return byPhone is null ? Error(404, "Not Found") : UserObject(byPhone);
            case "createPrivateChat" or "getChat":
                var id = Long(request["user_id"] ?? request["chat_id"]) ?? 0;
                return User(id) is { } u ? PrivateChat(u) : ChatObject(id) ?? Error(400, "Chat not found");
            case "importContacts":
                return ImportContacts(me, request["contacts"] as JsonArray ?? []);
            case "addContact":
                return AddContact(me, Long(request["contact"]?["user_id"]) ?? 0);
            case "sendMessage":
                return SendMessage(client, me, Long(request["chat_id"]) ?? 0, request["input_message_content"]?["text"]?["text"]?.GetValue<string>() ?? "");
            case "addChatMembers":
                return AddChatMembers(me, Long(request["chat_id"]) ?? 0, [.. (request["user_ids"] as JsonArray ?? []).Select(n => Long(n) ?? 0)]);
            case "getChatMember":
                return ChatMember(Long(request["chat_id"]) ?? 0, Long(request["member_id"]?["user_id"]) ?? 0);
            default:
                return Error(400, "Method not supported by the simulator: " + method);
        }
    }

    private JsonObject SearchPublicChat(string username)
    {
        var name = username.TrimStart('@');
        if (_scenario.Users.FirstOrDefault(u => string.Equals(u.Username, name, StringComparison.OrdinalIgnoreCase)) is { } user)
        {
            return PrivateChat(user);
        }

        return _scenario.Chats.FirstOrDefault(c => string.Equals(c.Username, name, StringComparison.OrdinalIgnoreCase)) is { } chat
            ? ChatObject(chat.Id)!
            : Error(400, "USERNAME_NOT_OCCUPIED");
    }

    private JsonObject ImportContacts(long me, JsonArray contacts)
    {
        var first = _scenario.Users.FirstOrDefault(u => u.Phone is not null && u.Phone == contacts.FirstOrDefault()?["phone_number"]?.GetValue<string>());
        if (Pace(me, cold: false, "importContacts", first?.Id ?? 0) is { } refused)
        {
            return refused;
        }

        var ids = new JsonArray();
        var counts = new JsonArray();
        foreach (var contact in contacts)
        {
            var user = _scenario.Users.FirstOrDefault(u => u.Phone is not null && u.Phone == contact?["phone_number"]?.GetValue<string>());
            if (user is not null)
            {
                ContactSet(me).Add(user.Id);
            }

            ids.Add(user?.Id ?? 0);
            counts.Add(user is null ? 0 : 1);
        }

        return new JsonObject { ["@type"] = "importedContacts", ["user_ids"] = ids, ["importer_count"] = counts };
    }

    private JsonObject AddContact(long me, long userId)
    {
        if (User(userId) is not { } user)
        {
            return Error(400, "USER_ID_INVALID");
        }

        if (Pace(me, cold: false, "addContact", user.Id) is { } refused)
        {
            return refused;
        }

        ContactSet(me).Add(user.Id);
        return Ok();
    }

    private JsonObject SendMessage(TdSimClient client, long me, long chatId, string text)
    {
        if (User(chatId) is not { } user)
        {
            return Error(400, "Chat not found");
        }

        var contact = ContactSet(me).Contains(user.Id);
        if (Pace(me, cold: !contact, "sendMessage", user.Id) is { } refused)
        {
            return refused;
        }

        if (user.Deactivated)
        {
            return Error(400, "INPUT_USER_DEACTIVATED");
        }

        if (user.RestrictsMessages && !contact)
        {
            return Error(403, "USER_PRIVACY_RESTRICTED");
        }

        var temporary = ++_nextMessage;
        var message = new JsonObject
        {
            ["@type"] = "message",
            ["id"] = temporary,
            ["chat_id"] = chatId,
            ["sending_state"] = new JsonObject { ["@type"] = "messageSendingStatePending" },
        };
        var final = new JsonObject { ["@type"] = "message", ["id"] = ++_nextMessage, ["chat_id"] = chatId };
        if (user.BlocksStrangers && !contact)
        {
            client.AfterAnswer.Add(new JsonObject
            {
                ["@type"] = "updateMessageSendFailed",
                ["message"] = final,
                ["old_message_id"] = temporary,
                ["error"] = Error(403, "USER_IS_BLOCKED"),
            });
        }
        else
        {
            _messages.Add(new TdSimMessage(me, user.Id, text, _time.GetUtcNow()));
            client.AfterAnswer.Add(new JsonObject { ["@type"] = "updateMessageSendSucceeded", ["message"] = final, ["old_message_id"] = temporary });
        }

        return message;
    }

    private JsonObject AddChatMembers(long me, long chatId, List<long> userIds)
    {
        if (_scenario.Chats.FirstOrDefault(c => c.Id == chatId) is not { } chat)
        {
            return Error(400, "Chat not found");
        }

        if (!chat.Admins.Any(a => a.UserId == me && a.CanInviteUsers))
        {
            return Error(400, "CHAT_ADMIN_REQUIRED");
        }

        if (userIds.Count is 0 || userIds.Count > (chat.IsChannel ? 100 : 20))
        {
            return Error(400, "Too many users to add");
        }

        if (Pace(me, cold: true, "addChatMembers", userIds[0]) is { } refused)
        {
            return refused;
        }

        foreach (var id in userIds)
        {
            var problem = User(id) switch
            {
                null => "USER_ID_INVALID",
                { Deactivated: true } => "INPUT_USER_DEACTIVATED",
                { ChannelsTooMuch: true } => "USER_CHANNELS_TOO_MUCH",
                _ when chat.Kicked.Contains(id) => "USER_KICKED",
                _ when chat.Banned.Contains(id) => "USER_BANNED_IN_CHANNEL",
                _ => null,
            };
            if (problem is not null)
            {
                return Error(problem == "USER_CHANNELS_TOO_MUCH" ? 403 : 400, problem);
            }
        }

        var failed = new JsonArray();
        foreach (var id in userIds)
        {
            if (User(id)!.RestrictsInvites && !ContactSet(id).Contains(me))
            {
                failed.Add(new JsonObject { ["@type"] = "failedToAddMember", ["user_id"] = id, ["premium_would_allow_invite"] = false, ["premium_required_to_send_messages"] = false });
                continue;
            }

            _members[chatId].Add(id);
            _adds[(chatId, id)] = _adds.GetValueOrDefault((chatId, id)) + 1;
            _invites.Add(new TdSimInvite(me, chatId, id, _time.GetUtcNow()));
        }

        return new JsonObject { ["@type"] = "failedToAddMembers", ["failed_to_add_members"] = failed };
    }

    private JsonObject ChatMember(long chatId, long userId)
    {
        if (_scenario.Chats.FirstOrDefault(c => c.Id == chatId) is not { } chat)
        {
            return Error(400, "Chat not found");
        }

        var admin = chat.Admins.FirstOrDefault(a => a.UserId == userId);
        JsonObject status = admin is not null
            ? new() { ["@type"] = "chatMemberStatusAdministrator", ["rights"] = new JsonObject { ["@type"] = "chatAdministratorRights", ["can_invite_users"] = admin.CanInviteUsers } }
            : _members[chatId].Contains(userId) ? new() { ["@type"] = "chatMemberStatusMember" } : new() { ["@type"] = "chatMemberStatusLeft" };
        return new JsonObject
        {
            ["@type"] = "chatMember",
            ["member_id"] = new JsonObject { ["@type"] = "messageSenderUser", ["user_id"] = userId },
            ["status"] = status,
        };
    }

    // Telegram's pacing of one account: a wait after a burst, PEER_FLOOD past the day's cold budget.
    private JsonObject? Pace(long me, bool cold, string method, long userId)
    {
        var pace = _pace.TryGetValue(me, out var p) ? p : _pace[me] = new AccountPace();
        var now = _time.GetUtcNow();
        var result = PaceResult(pace, me, cold, now);
        _actions.Add(new TdSimAction(me, method, userId, now, result, result == "flood_wait" ? pace.WaitUntil : null));
        return result switch
        {
            "accepted" => null,
            "flood_wait" or "during_wait" => RetryAfter(pace.WaitUntil - now),
            _ => Error(400, "PEER_FLOOD"),
        };
    }

    private string PaceResult(AccountPace pace, long me, bool cold, DateTimeOffset now)
    {
        if (pace.PeerFlooded)
        {
            ActionsAfterPeerFlood++;
            return "after_peer_flood";
        }

        if (now < pace.WaitUntil)
        {
            ActionsDuringWait++;
            return "during_wait";
        }

        while (pace.Recent.Count > 0 && now - pace.Recent.Peek() >= TimeSpan.FromSeconds(_scenario.FloodWindowSeconds))
        {
            pace.Recent.Dequeue();
        }

        var account = _scenario.Accounts.FirstOrDefault(a => a.UserId == me);
        var floodAfter = account?.FloodAfterActions ?? _scenario.FloodAfterActions;
        if (floodAfter > 0 && pace.Recent.Count >= floodAfter)
        {
            pace.WaitUntil = now + TimeSpan.FromSeconds(_scenario.FloodWaitSeconds);
            pace.Recent.Clear();
            return "flood_wait";
        }

        var day = DateOnly.FromDateTime(now.UtcDateTime);
        if (pace.Day != day)
        {
            pace.Day = day;
            pace.ColdToday = 0;
        }

        var budget = account?.DailyColdBudget ?? _scenario.DailyColdBudget;
        if (cold && budget > 0 && pace.ColdToday >= budget)
        {
            pace.PeerFlooded = true;
            return "peer_flood";
        }

        pace.Recent.Enqueue(now);
        if (cold)
        {
            pace.ColdToday++;
        }

        return "accepted";
    }

    private static JsonObject RetryAfter(TimeSpan wait) =>
        Error(429, "Too Many Requests: retry after " + Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture));

    private HashSet<long> ContactSet(long accountUserId) =>
        _contacts.TryGetValue(accountUserId, out var set) ? set : _contacts[accountUserId] = [];

    private static JsonObject UserObject(TdSimUser user) => new()
    {
        ["@type"] = "user",
        ["id"] = user.Id,
        ["first_name"] = user.FirstName,
        ["phone_number"] = user.Phone?.TrimStart('+') ?? "",
        ["usernames"] = user.Username is null ? null : new JsonObject { ["@type"] = "usernames", ["active_usernames"] = new JsonArray(user.Username) },
    };

    private static JsonObject PrivateChat(TdSimUser user) => new()
    {
        ["@type"] = "chat",
        ["id"] = user.Id,
        ["title"] = user.FirstName,
        ["type"] = new JsonObject { ["@type"] = "chatTypePrivate", ["user_id"] = user.Id },
    };

    private JsonObject? ChatObject(long chatId) => _scenario.Chats.FirstOrDefault(c => c.Id == chatId) is { } chat
        ? new JsonObject
        {
            ["@type"] = "chat",
            ["id"] = chat.Id,
            ["title"] = chat.Title,
            ["type"] = new JsonObject { ["@type"] = "chatTypeSupergroup", ["supergroup_id"] = -chat.Id - 1_000_000_000_000, ["is_channel"] = chat.IsChannel },
        }
        : null;
}
