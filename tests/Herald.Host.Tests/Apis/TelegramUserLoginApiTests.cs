extern alias simulator;

using System.Net;
using Herald.Testing;
using Herald.Host.Tests.Infrastructure;
using simulator::Herald.Simulator.TdLib;

namespace Herald.Host.Tests.Apis;

/// <summary><c>POST /api/accounts/telegram-users</c> with a phone: the TDLib login against the simulated TDLib.</summary>
[Collection(AzuriteCollection.Name)]
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

    private static TdScenario Scenario() => new()
    {
        Accounts = [new() { UserId = 7001, Phone = Phone, Password = "two-step" }],
        Chats = [new() { Id = -1007000000001, Username = "herald_group", Admins = [new() { UserId = 7001 }] }],
    };
}
