using System.Net;
using Herald.Engine.Persistence;
using Herald.Host.Tests.Infrastructure;
using Herald.Testing;

namespace Herald.Host.Tests.Apis;

/// <summary>
/// The admin-rights check opens a user account's TDLib session only holding the account's lease (two TDLib instances on
/// one session log the user out): while another owner holds it, the endpoint answers 409 and the campaign's check waits,
/// and neither opens the session; once it is free, the check runs and lets the lease go. Real host, Azurite, simulated
/// TDLib over loopback.
/// </summary>
[Collection(ApiAzuriteCollection.Name)]
public sealed class AdminRightsLeaseApiTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string OtherOwner = "another-worker";

    [Fact(Timeout = 90_000)]
    public async Task CheckAdmin_LeaseHeldByAnotherOwner_ConflictWithoutOpeningTheSessionThenChecksOnceFreeAndLetsGo()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);
        host.Simulator.TdLib.Load(InviteRightsApiTests.Scenario(admins: [InviteRightsApiTests.Admin]));
        var tenant = EngineApiHost.NewTenant();
        var client = host.Client(tenant);
        var admin = await InviteRightsApiTests.LoginAsync(client, InviteRightsApiTests.Admin);
        var world = host.Simulator.TdLib;
        var opensBefore = world.SessionOpensOf(InviteRightsApiTests.Admin);

        var until = DateTimeOffset.UtcNow.AddMinutes(2);
        await HoldAsync(host, tenant, admin, OtherOwner, until);
        var busy = await (await client.PostJsonAsync($"/api/accounts/{admin}/check-admin", """{"chat":"@rights_group"}""")).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("at work", busy.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(until.ToUnixTimeSeconds(), busy.GetProperty("busyUntil").GetDateTimeOffset().ToUnixTimeSeconds());
        Assert.Equal(opensBefore, world.SessionOpensOf(InviteRightsApiTests.Admin));
        Assert.Equal(0, world.CallsOf(InviteRightsApiTests.Admin, "getChatMember"));
        Assert.Equal(OtherOwner, (await Row(host, tenant, admin)).LeaseId); // the holder's lease untouched

        await HoldAsync(host, tenant, admin, null, null);
        var answer = await client.PostJsonAsync($"/api/accounts/{admin}/check-admin", """{"chat":"@rights_group"}""");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var check = await answer.ReadJsonAsync();

        Assert.True(check.GetProperty("isAdmin").GetBoolean());
        Assert.True(check.GetProperty("canInviteUsers").GetBoolean());
        Assert.Equal(opensBefore + 1, world.SessionOpensOf(InviteRightsApiTests.Admin));
        var row = await Row(host, tenant, admin);
        Assert.Null(row.LeaseId);
        Assert.Null(row.LeaseUntil);
    }

    [Fact(Timeout = 120_000)]
    public async Task InviteCampaign_AccountLeaseHeldAtTheCheck_CheckedOnlyOnceFreeThenExcludedAndNeverOpenedMeanwhile()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, InviteRightsApiTests.Unspread);
        host.Simulator.TdLib.Load(InviteRightsApiTests.Scenario(admins: [InviteRightsApiTests.Admin]));
        var tenant = EngineApiHost.NewTenant();
        var client = host.Client(tenant);
        var world = host.Simulator.TdLib;
        await InviteRightsApiTests.LoginAsync(client, InviteRightsApiTests.Admin);
        var member = await InviteRightsApiTests.LoginAsync(client, InviteRightsApiTests.Member);
        await HoldAsync(host, tenant, member, OtherOwner, DateTimeOffset.UtcNow.AddMinutes(2));
        var opensBefore = world.SessionOpensOf(InviteRightsApiTests.Member);

        var created = await client.CreateCampaignAsync("""
            {"actions":["invite"],"targetChat":"@rights_group","recipients":[{"username":"ann_user"},{"username":"bob_user"}]}
            """);
        var id = created.Str("id");
        // The check has run its first round (the free account is checked) and waits for the held one.
        await Until(() => world.CallsOf(InviteRightsApiTests.Admin, "getChatMember") >= 1, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(2));
        var waiting = await (await client.GetAsync($"/api/campaigns/{id}")).ReadJsonAsync();

        Assert.Equal(("waiting", "checking_admin_rights"), (waiting.Str("status"), waiting.Str("waitingReason")));
        Assert.Equal(opensBefore, world.SessionOpensOf(InviteRightsApiTests.Member));
        Assert.Equal(0, world.CallsOf(InviteRightsApiTests.Member, "getChatMember"));
        Assert.Empty(world.Invites);

        await HoldAsync(host, tenant, member, null, null);
        var done = await client.WaitForCampaignAsync(id, s => s.GetProperty("remaining").GetInt32() == 0, TimeSpan.FromSeconds(90));

        Assert.Equal([(member, "not_admin")], InviteRightsApiTests.Excluded(done));
        Assert.Equal(1, world.CallsOf(InviteRightsApiTests.Member, "getChatMember"));
        Assert.Equal(2, done.GetProperty("counts").GetProperty("invited").GetInt32());
        Assert.All(world.Invites, i => Assert.Equal(InviteRightsApiTests.Admin, i.AccountUserId));
        Assert.Null((await Row(host, tenant, member)).LeaseId);
    }

    // Writes the lease as another owner would (or clears it), once no tick of this host holds it.
    private static async Task HoldAsync(EngineApiHost host, string tenant, string accountId, string? holder, DateTimeOffset? until)
    {
        var store = host.Services.GetRequiredService<AccountStore>();
        for (var tries = 0; tries < 200; tries++)
        {
            var row = (await store.GetAsync(tenant, accountId))!;
            if (row.LeaseId is not null && row.LeaseId != OtherOwner && row.LeaseUntil > DateTimeOffset.UtcNow)
            {
                await Task.Delay(100);
                continue;
            }

            (row.LeaseId, row.LeaseUntil) = (holder, until);
            if (await store.TryReplaceAsync(row))
            {
                return;
            }
        }

        Assert.Fail("The account's lease could not be written.");
    }

    private static async Task<Engine.Model.AccountRecord> Row(EngineApiHost host, string tenant, string accountId) =>
        (await host.Services.GetRequiredService<AccountStore>().GetAsync(tenant, accountId))!;

    private static async Task Until(Func<bool> condition, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (!condition())
        {
            await Task.Delay(200, cts.Token);
        }
    }
}
