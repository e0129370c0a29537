extern alias simulator;

using System.Net;
using Herald.Testing;
using Herald.Host.Tests.Infrastructure;
using simulator::Herald.Simulator.TdLib;

namespace Herald.Host.Tests.Apis;

/// <summary><c>POST /api/accounts/telegram-users</c> with a phone: the TDLib login against the simulated TDLib.</summary>
[Collection(ApiAzuriteCollection.Name)]
public sealed class TelegramUserLoginApiTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string Phone = "+10000007001";

    [Fact(Timeout = 90_000)]
    public async Task Login_CodeThenPassword_AccountEnabledAndAdminCheckable()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);
        host.Simulator.TdLib.Load(Scenario());
        var client = host.Client(EngineApiHost.NewTenant());

        var started = await client.PostJsonAsync("/api/accounts/telegram-users", $$"""{"phone":"{{Phone}}","apiId":4242,"apiHash":"demo-hash","name":"Ops 7"}""");
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var registered = await started.ReadJsonAsync();
        var id = registered.GetProperty("account").Str("accountId");
        Assert.Equal("waitCode", registered.GetProperty("login").Str("state"));
        Assert.Equal("disabled", registered.GetProperty("account").Str("status"));
        Assert.DoesNotContain(Phone[1..], registered.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("demo-hash", registered.ToString(), StringComparison.Ordinal);

        await (await client.PostJsonAsync($"/api/accounts/{id}/login/code", """{"code":"99999"}""")).AssertProblemAsync(HttpStatusCode.BadRequest, "code", "phone_code_invalid");
        var code = await (await client.PostJsonAsync($"/api/accounts/{id}/login/code", """{"code":"12345"}""")).ReadJsonAsync();
        Assert.Equal("waitPassword", code.GetProperty("login").Str("state"));
        var ready = await (await client.PostJsonAsync($"/api/accounts/{id}/login/password", """{"password":"two-step"}""")).ReadJsonAsync();
        Assert.Equal("ready", ready.GetProperty("login").Str("state"));
        Assert.NotEqual("disabled", ready.GetProperty("account").Str("status"));

        var admin = await (await client.PostJsonAsync($"/api/accounts/{id}/check-admin", """{"chat":"@herald_group"}""")).ReadJsonAsync();
        Assert.True(admin.GetProperty("isAdmin").GetBoolean());
        Assert.True(admin.GetProperty("canInviteUsers").GetBoolean());
        await (await client.PostJsonAsync($"/api/accounts/{id}/login/code", """{"code":"12345"}""")).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact(Timeout = 90_000)]
    public async Task Login_BadInputs_ProblemsNamingTheField()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);
        host.Simulator.TdLib.Load(Scenario());
        var client = host.Client(EngineApiHost.NewTenant());

        await (await client.PostJsonAsync("/api/accounts/telegram-users", """{"phone":"+19999999999","apiId":1,"apiHash":"h"}""")).AssertProblemAsync(HttpStatusCode.BadRequest, "phone", "phone_number_invalid");
        await (await client.PostJsonAsync("/api/accounts/telegram-users", """{"phone":"0170 1234","apiId":1,"apiHash":"h"}""")).AssertProblemAsync(HttpStatusCode.BadRequest, "phone");
        await (await client.PostJsonAsync("/api/accounts/telegram-users", $$"""{"phone":"{{Phone}}"}""")).AssertProblemAsync(HttpStatusCode.BadRequest, "apiId");
        await (await client.PostJsonAsync("/api/accounts/telegram-users", $$"""{"phone":"{{Phone}}","session":"s","apiId":1,"apiHash":"h"}""")).AssertProblemAsync(HttpStatusCode.BadRequest, "phone");
        await (await client.PostJsonAsync("/api/accounts/nope/login/code", """{"code":"1"}""")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await (await client.GetAsync("/api/accounts")).ReadJsonAsync()).GetProperty("items").EnumerateArray());
    }

    [Fact(Timeout = 120_000)]
    public async Task InviteCampaign_TwoLoggedInAccounts_InvitedInGroupAndPrivacyFallbackMessaged()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output);
        var scenario = Scenario();
        scenario.Accounts.Add(new TdSimAccount { UserId = 7002, Phone = "+10000007002" });
        scenario.Chats[0].Admins.Add(new TdSimAdmin { UserId = 7002 });
        scenario.Users = [new() { Id = 8001, Username = "ann_open" }, new() { Id = 8002, Username = "bob_private", RestrictsInvites = true }];
        host.Simulator.TdLib.Load(scenario);
        var client = host.Client(EngineApiHost.NewTenant());
        await LoginAsync(client, Phone, "two-step");
        await LoginAsync(client, "+10000007002", null);

        var created = await (await client.PostJsonAsync("/api/campaigns", """
            {"name":"Invite","actions":["invite"],"targetChat":"@herald_group","fallbackToMessage":true,"message":"Hi {{name|there}}!",
             "recipients":[{"username":"ann_open"},{"username":"bob_private"}]}
            """)).ReadJsonAsync();
        // Each account's first action comes at once; the campaign's status turns completed at a later tick of the engine.
        var done = await client.WaitForCampaignAsync(created.Str("id"), s => s.GetProperty("remaining").GetInt32() == 0);

        Assert.Equal(2, done.GetProperty("counts").GetProperty("done").GetInt32());
        Assert.Equal(1, done.GetProperty("counts").GetProperty("invited").GetInt32());
        Assert.Equal(1, done.GetProperty("counts").GetProperty("messagedInsteadOfInvited").GetInt32());
        Assert.Equal([8001L], host.Simulator.TdLib.MembersOf(-1007000000001).Where(id => id == 8001 || id == 8002));
        var message = Assert.Single(host.Simulator.TdLib.Messages);
        Assert.Equal((8002L, "Hi there!"), (message.UserId, message.Text));
    }

    private static async Task LoginAsync(HttpClient client, string phone, string? password)
    {
        var started = await (await client.PostJsonAsync("/api/accounts/telegram-users", $$"""{"phone":"{{phone}}","apiId":4242,"apiHash":"demo-hash","warmUp":false}""")).ReadJsonAsync();
        var id = started.GetProperty("account").Str("accountId");
        var step = await (await client.PostJsonAsync($"/api/accounts/{id}/login/code", """{"code":"12345"}""")).ReadJsonAsync();
        if (password is not null)
        {
            step = await (await client.PostJsonAsync($"/api/accounts/{id}/login/password", $$"""{"password":"{{password}}"}""")).ReadJsonAsync();
        }

        Assert.Equal("ready", step.GetProperty("login").Str("state"));
    }

    private static TdScenario Scenario() => new()
    {
        Accounts = [new() { UserId = 7001, Phone = Phone, Password = "two-step" }],
        Chats = [new() { Id = -1007000000001, Username = "herald_group", Admins = [new() { UserId = 7001 }] }],
    };
}
