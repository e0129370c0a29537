extern alias simulator;

using System.Text.Json;
using Herald.Host.Tests.Infrastructure;
using Herald.Testing;
using simulator::Herald.Simulator.TdLib;

namespace Herald.Host.Tests.Apis;

/// <summary>
/// R12 end to end in the host (engine, workers, orchestrations over Azurite) with user accounts logged in to the simulated
/// TDLib over loopback: accounts without admin and invite rights in an invite campaign's chat leave that campaign only.
/// </summary>
[Collection(ApiAzuriteCollection.Name)]
public sealed class InviteRightsApiTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    internal const long Group = -1007100000001;
    internal const long Admin = 7101;
    internal const long Member = 7102;

    [Fact(Timeout = 120_000)]
    public async Task InviteCampaign_OneAccountNotAdmin_ExcludedBeforeAnyInviteAndTheStatusNamesIt()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, Unspread);
        var scenario = Scenario(admins: [Admin]);
        host.Simulator.TdLib.Load(scenario);
        var client = host.Client(EngineApiHost.NewTenant());
        var admin = await LoginAsync(client, Admin);
        var member = await LoginAsync(client, Member);

        var created = await client.CreateCampaignAsync("""
            {"actions":["invite"],"targetChat":"@rights_group","recipients":[{"username":"ann_user"},{"username":"bob_user"}]}
            """);
        var done = await client.WaitForCampaignAsync(created.Str("id"), s => s.GetProperty("remaining").GetInt32() == 0, TimeSpan.FromSeconds(90));

        Assert.Equal(2, done.GetProperty("counts").GetProperty("invited").GetInt32());
        Assert.Equal([(member, "not_admin")], Excluded(done));
        Assert.DoesNotContain(done.GetProperty("accounts").EnumerateArray(), a => a.Str("accountId") == member);
        Assert.Contains(admin, done.GetProperty("accounts").EnumerateArray().Select(a => a.Str("accountId")));
        Assert.True(host.Simulator.TdLib.CallsOf(Member, "getChatMember") >= 1, "the member's rights were never checked");
        Assert.Equal(0, host.Simulator.TdLib.CallsOf(Member, "addChatMembers"));
        Assert.All(host.Simulator.TdLib.Invites, i => Assert.Equal(Admin, i.AccountUserId));
        Assert.Equal([8101L, 8102L], host.Simulator.TdLib.MembersOf(Group).Where(id => id > 8000).Order());
        Assert.DoesNotContain("+1000000", done.ToString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 150_000)]
    public async Task InviteCampaign_ChatAdminRequiredMidRun_AccountLeavesItOtherFinishesItsMessagesGoOn()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, Unspread);
        // Both administer the group when the campaign starts; then the platform refuses the second account's invite.
        var scenario = Scenario(admins: [Admin, Member]);
        scenario.Faults.Add(new TdFault { Method = "addChatMembers", AccountUserId = Member, Code = 400, Message = "CHAT_ADMIN_REQUIRED" });
        host.Simulator.TdLib.Load(scenario);
        var client = host.Client(EngineApiHost.NewTenant());
        await LoginAsync(client, Admin);
        var member = await LoginAsync(client, Member);

        // Five invites keep the first account busy (10-15 s apart) until the second has sent its two messages and turns to them.
        var invite = await client.CreateCampaignAsync("""
            {"actions":["invite"],"targetChat":"@rights_group",
             "recipients":[{"username":"ann_user"},{"username":"bob_user"},{"username":"cid_user"},{"username":"dan_user"},{"username":"eve_user"}]}
            """);
        var messages = await client.CreateCampaignAsync($$$"""
            {"actions":["personalMessage"],"message":"Hi {{name|there}}","accounts":["{{{member}}}"],
             "recipients":[{"username":"fay_user"},{"username":"gus_user"}]}
            """);
        var invited = await client.WaitForCampaignAsync(invite.Str("id"), s => s.GetProperty("remaining").GetInt32() == 0, TimeSpan.FromSeconds(120));
        var messaged = await client.WaitForCampaignAsync(messages.Str("id"), s => s.GetProperty("remaining").GetInt32() == 0, TimeSpan.FromSeconds(30));

        var world = host.Simulator.TdLib;
        Assert.Equal((5, 0), (invited.GetProperty("counts").GetProperty("invited").GetInt32(), invited.GetProperty("counts").GetProperty("failed").GetInt32()));
        Assert.Equal([(member, "chat_admin_required")], Excluded(invited));
        Assert.Equal(1, world.CallsOf(Member, "addChatMembers"));
        Assert.All(world.Invites, i => Assert.Equal(Admin, i.AccountUserId));
        Assert.Equal([8101L, 8102L, 8103L, 8104L, 8105L], world.MembersOf(Group).Where(id => id > 8000).Order());
        Assert.All(world.MembersOf(Group).Where(id => id > 8000), id => Assert.Equal(1, world.AddsOf(Group, id)));

        Assert.Equal(2, messaged.GetProperty("counts").GetProperty("messaged").GetInt32());
        Assert.Empty(Excluded(messaged));
        Assert.Equal([8106L, 8107L], world.Messages.Where(m => m.AccountUserId == Member).Select(m => m.UserId).Order());
        Assert.Equal(2, world.Messages.Count);
    }

    // Only the 10-15 s pause between actions: the default spread of 50 invites a day would space them half an hour apart.
    internal static void Unspread(EngineApiOptions options) => options.Settings["Herald:Limits:Telegram:User:SpreadOverDay"] = "false";

    internal static List<(string AccountId, string Reason)> Excluded(JsonElement status) =>
        [.. status.GetProperty("excludedAccounts").EnumerateArray().Select(a => (a.Str("accountId"), a.Str("reason")))];

    internal static async Task<string> LoginAsync(HttpClient client, long userId)
    {
        var started = await (await client.PostJsonAsync("/api/accounts/telegram-users", $$"""{"phone":"{{Phone(userId)}}","apiId":4242,"apiHash":"demo-hash","warmUp":false}""")).ReadJsonAsync();
        var id = started.GetProperty("account").Str("accountId");
        var step = await (await client.PostJsonAsync($"/api/accounts/{id}/login/code", """{"code":"12345"}""")).ReadJsonAsync();
        Assert.Equal("ready", step.GetProperty("login").Str("state"));
        return id;
    }

    internal static string Phone(long userId) => $"+1000000{userId}";

    internal static TdScenario Scenario(long[] admins) => new()
    {
        Accounts = [new() { UserId = Admin, Phone = Phone(Admin) }, new() { UserId = Member, Phone = Phone(Member) }],
        Chats = [new() { Id = Group, Username = "rights_group", Admins = [.. admins.Select(a => new TdSimAdmin { UserId = a })], Members = [Member] }],
        Users = [.. new[] { "ann", "bob", "cid", "dan", "eve", "fay", "gus" }.Select((name, i) => new TdSimUser { Id = 8101 + i, Username = name + "_user" })],
    };
}
