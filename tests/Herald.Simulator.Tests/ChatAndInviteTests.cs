using System.Net.Http.Json;

namespace Herald.Simulator.Tests;

public sealed class ChatAndInviteTests
{
    private const long Group = -1001000000001;
    private const long Member = 501;

    private static SimulatorOptions WithGroup(params long[] inviteAdmins) => new()
    {
        Groups =
        [
            new SimulatedGroup
            {
                ChatId = Group,
                Username = "herald_group",
                Title = "Herald",
                InviteAdministrators = [.. inviteAdmins],
                Administrators = [222],
                Members = [Member],
            },
        ],
    };

    [Theory(Timeout = 60_000)]
    [InlineData(SimulatorSession.BotId, "administrator", true)]
    [InlineData(222, "administrator", false)]
    [InlineData(Member, "member", null)]
    [InlineData(999, "left", null)]
    public async Task GetChatMember_ConfiguredGroup_AnswersStatusAndInviteRight(long userId, string expectedStatus, bool? canInvite)
    {
        await using var sim = await SimulatorSession.StartAsync(WithGroup(SimulatorSession.BotId));

        var (status, body) = await sim.CallAsync("getChatMember", new { chat_id = "@herald_group", user_id = userId });

        Assert.Equal(200, status);
        var member = body.GetProperty("result");
        Assert.Equal(expectedStatus, member.GetProperty("status").GetString());
        Assert.Equal(userId, member.GetProperty("user").GetProperty("id").GetInt64());
        Assert.Equal(canInvite, member.TryGetProperty("can_invite_users", out var right) ? right.GetBoolean() : null);
    }

    [Fact(Timeout = 60_000)]
    public async Task GetChatMember_UnknownChat_Answers400ChatNotFound()
    {
        await using var sim = await SimulatorSession.StartAsync(new SimulatorOptions { UnknownChats = [-5] });

        var (status, body) = await sim.CallAsync("getChatMember", new { chat_id = -5, user_id = SimulatorSession.BotId });

        Assert.Equal(400, status);
        Assert.Equal("Bad Request: chat not found", body.GetProperty("description").GetString());
    }

    [Fact(Timeout = 60_000)]
    public async Task CreateChatInviteLink_InviteAdminWithMemberLimitOne_ReturnsAPersonalLink()
    {
        await using var sim = await SimulatorSession.StartAsync(WithGroup(SimulatorSession.BotId));

        var (status, body) = await sim.CallAsync("createChatInviteLink", new { chat_id = Group, name = "herald-1", member_limit = 1, expire_date = 1_900_000_000 });

        Assert.Equal(200, status);
        var link = body.GetProperty("result");
        Assert.StartsWith("https://t.me/+", link.GetProperty("invite_link").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, link.GetProperty("member_limit").GetInt32());
        Assert.Equal("herald-1", link.GetProperty("name").GetString());
        Assert.Equal(1_900_000_000, link.GetProperty("expire_date").GetInt64());
        Assert.False(link.GetProperty("creates_join_request").GetBoolean());
        Assert.Equal(1, sim.State.GetStats().Bots[0].InviteLinksCreated);
    }

    [Theory(Timeout = 60_000)]
    [InlineData(0, false, "Bad Request: member_limit must be between 1 and 99999")]
    [InlineData(100_000, false, "Bad Request: member_limit must be between 1 and 99999")]
    [InlineData(1, true, "Bad Request: can't combine member_limit with creates_join_request")]
    public async Task CreateChatInviteLink_BadLimit_Answers400(int memberLimit, bool createsJoinRequest, string description)
    {
        await using var sim = await SimulatorSession.StartAsync(WithGroup(SimulatorSession.BotId));

        var (status, body) = await sim.CallAsync("createChatInviteLink", new { chat_id = Group, member_limit = memberLimit, creates_join_request = createsJoinRequest });

        Assert.Equal(400, status);
        Assert.Equal(description, body.GetProperty("description").GetString());
    }

    [Fact(Timeout = 60_000)]
    public async Task CreateChatInviteLink_BotWithoutInviteRight_Answers400NotEnoughRights()
    {
        await using var sim = await SimulatorSession.StartAsync(WithGroup());

        var (status, body) = await sim.CallAsync("createChatInviteLink", new { chat_id = Group, creates_join_request = true });

        Assert.Equal(400, status);
        Assert.Equal("Bad Request: not enough rights to manage chat invite link", body.GetProperty("description").GetString());
    }

    [Fact(Timeout = 60_000)]
    public async Task ApproveChatJoinRequest_PendingRequest_MakesTheUserAMemberOnce()
    {
        await using var sim = await SimulatorSession.StartAsync(WithGroup(SimulatorSession.BotId));
        using var added = await sim.Http.PostAsJsonAsync("_sim/join-requests", new { chatId = Group, userId = 777 });

        var (status, body) = await sim.CallAsync("approveChatJoinRequest", new { chat_id = Group, user_id = 777 });
        var (againStatus, again) = await sim.CallAsync("approveChatJoinRequest", new { chat_id = Group, user_id = 777 });
        var (_, member) = await sim.CallAsync("getChatMember", new { chat_id = Group, user_id = 777 });

        Assert.Equal(204, (int)added.StatusCode);
        Assert.Equal(200, status);
        Assert.True(body.GetProperty("result").GetBoolean());
        Assert.Equal(400, againStatus);
        Assert.Equal("Bad Request: HIDE_REQUESTER_MISSING", again.GetProperty("description").GetString());
        Assert.Equal("member", member.GetProperty("result").GetProperty("status").GetString());
    }
}
