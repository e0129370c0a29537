using System.Net;
using Herald.Host.Tests.Infrastructure;
using Herald.Testing;

namespace Herald.Host.Tests.Apis;

/// <summary>
/// <c>POST /api/campaigns/{id}/accounts/{accountId}/recheck</c>: an account an invite campaign excluded for its rights is
/// taken back once its user fixed them, and works on the campaign; until then it stays out. Real host, Azurite, simulated
/// TDLib over loopback.
/// </summary>
[Collection(ApiAzuriteCollection.Name)]
public sealed class CampaignRecheckApiTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact(Timeout = 150_000)]
    public async Task Recheck_ExcludedAccountMadeAdmin_TakenBackInvitesAndAuditedStillOutBefore()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, InviteRightsApiTests.Unspread);
        var world = host.Simulator.TdLib;
        world.Load(InviteRightsApiTests.Scenario(admins: [InviteRightsApiTests.Admin]));
        var client = host.Client(EngineApiHost.NewTenant());
        await InviteRightsApiTests.LoginAsync(client, InviteRightsApiTests.Admin);
        var member = await InviteRightsApiTests.LoginAsync(client, InviteRightsApiTests.Member);
        // Four invites 10-15 s apart keep the campaign running while the member's rights are fixed.
        var created = await client.CreateCampaignAsync("""
            {"actions":["invite"],"targetChat":"@rights_group",
             "recipients":[{"username":"ann_user"},{"username":"bob_user"},{"username":"cid_user"},{"username":"dan_user"}]}
            """);
        var id = created.Str("id");
        var excluded = await client.WaitForCampaignAsync(id, s => InviteRightsApiTests.Excluded(s).Count > 0, TimeSpan.FromSeconds(60));
        Assert.Equal([(member, "not_admin")], InviteRightsApiTests.Excluded(excluded));

        // Not fixed yet: it stays out, with its reason.
        var still = await (await client.PostAsync($"/api/campaigns/{id}/accounts/{member}/recheck", null)).ReadJsonAsync();
        Assert.Equal((true, "not_admin", false), (still.GetProperty("excluded").GetBoolean(), still.Str("reason"), still.GetProperty("isAdmin").GetBoolean()));

        // An admin without the invite right: still out, now for that.
        world.SetAdmin(InviteRightsApiTests.Group, InviteRightsApiTests.Member, canInviteUsers: false);
        var noRight = await (await client.PostAsync($"/api/campaigns/{id}/accounts/{member}/recheck", null)).ReadJsonAsync();
        Assert.Equal((true, "no_invite_rights"), (noRight.GetProperty("excluded").GetBoolean(), noRight.Str("reason")));

        world.SetAdmin(InviteRightsApiTests.Group, InviteRightsApiTests.Member);
        var back = await client.PostAsync($"/api/campaigns/{id}/accounts/{member}/recheck", null);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        var answer = await back.ReadJsonAsync();
        Assert.False(answer.GetProperty("excluded").GetBoolean());
        Assert.Equal(JsonValueKindNull, answer.GetProperty("reason").ValueKind);
        Assert.True(answer.GetProperty("canInviteUsers").GetBoolean());
        Assert.Equal(("@rights_group", "running"), (answer.Str("chat"), answer.Str("campaignStatus")));

        var done = await client.WaitForCampaignAsync(id, s => s.GetProperty("remaining").GetInt32() == 0, TimeSpan.FromSeconds(90));
        Assert.Empty(InviteRightsApiTests.Excluded(done));
        Assert.Equal(4, done.GetProperty("counts").GetProperty("invited").GetInt32());
        Assert.Contains(world.Invites, i => i.AccountUserId == InviteRightsApiTests.Member);
        Assert.Equal([8101L, 8102L, 8103L, 8104L], world.MembersOf(InviteRightsApiTests.Group).Where(u => u > 8000).Order());
        Assert.Contains(member, done.GetProperty("accounts").EnumerateArray().Select(a => a.Str("accountId")));

        var audit = await (await client.GetAsync("/api/audit?limit=50")).ReadJsonAsync();
        var rechecks = audit.GetProperty("entries").EnumerateArray().Where(e => e.Str("action") == "campaign.recheck").ToList();
        Assert.Equal(3, rechecks.Count);
        Assert.All(rechecks, e => Assert.Equal((id, member), (e.Str("resourceId"), e.GetProperty("details").Str("accountId"))));
        Assert.Equal("false", rechecks[0].GetProperty("details").Str("excluded")); // newest first

        // Ended: nothing to check any more.
        await (await client.PostAsync($"/api/campaigns/{id}/accounts/{member}/recheck", null)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact(Timeout = 90_000)]
    public async Task Recheck_UnknownOrNotExcludedOrNoInvite_ProblemsAndNoSessionOpened()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);
        var world = host.Simulator.TdLib;
        world.Load(InviteRightsApiTests.Scenario(admins: [InviteRightsApiTests.Admin]));
        var client = host.Client(EngineApiHost.NewTenant());
        var admin = await InviteRightsApiTests.LoginAsync(client, InviteRightsApiTests.Admin);
        var later = DateTimeOffset.UtcNow.AddDays(2).ToString("O");
        var invite = (await client.CreateCampaignAsync($$"""
            {"actions":["invite"],"targetChat":"@rights_group","startAt":"{{later}}","recipients":[{"username":"ann_user"}]}
            """)).Str("id");
        var messages = (await client.CreateCampaignAsync($$"""
            {"actions":["personalMessage"],"message":"Hi","startAt":"{{later}}","recipients":[{"username":"ann_user"}]}
            """)).Str("id");
        var opens = world.SessionOpensOf(InviteRightsApiTests.Admin);

        await (await client.PostAsync($"/api/campaigns/nope{Guid.NewGuid():N}/accounts/{admin}/recheck", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostAsync($"/api/campaigns/{invite}/accounts/tg-user-0000000000000000/recheck", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        var notExcluded = await (await client.PostAsync($"/api/campaigns/{invite}/accounts/{admin}/recheck", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("not excluded", notExcluded.Str("detail"), StringComparison.Ordinal);
        var noInvite = await (await client.PostAsync($"/api/campaigns/{messages}/accounts/{admin}/recheck", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("invites into no chat", noInvite.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(opens, world.SessionOpensOf(InviteRightsApiTests.Admin));
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
