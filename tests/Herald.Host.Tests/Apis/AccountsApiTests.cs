extern alias simulator;

using System.Net;
using Herald.Host.Tests.Infrastructure;
using Herald.Platforms.Abstractions;
using Azure.Data.Tables;
using Herald.Testing;
using simulator::Herald.Simulator;

namespace Herald.Host.Tests.Apis;

[Collection(ApiAzuriteCollection.Name)]
public sealed class AccountsApiTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact(Timeout = 60_000)]
    public async Task Bot_RegisterCheckDisableRemove_TokenOnlyInTheSecretStore()
    {
        var token = EngineApiHost.NewBotToken();
        var botId = EngineApiHost.BotIdOf(token);
        await using var host = await EngineApiHost.StartAsync(azurite, output, o =>
        {
            o.Workers = false;
            o.Simulator.Groups = [new SimulatedGroup { ChatId = -100_555, Username = "herald_group", InviteAdministrators = [botId] }];
        });
        var tenant = EngineApiHost.NewTenant();
        var client = host.Client(tenant);

        var response = await client.PostJsonAsync("/api/accounts/telegram-bots", $$"""{"token":"{{token}}"}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = $"tg-bot-{botId}";
        Assert.Equal($"/api/accounts/{id}", response.Headers.Location?.OriginalString);
        var body = await response.Content.ReadAsStringAsync();
        var secretPart = token[(token.IndexOf(':', StringComparison.Ordinal) + 3)..];
        Assert.DoesNotContain(secretPart, body, StringComparison.Ordinal);
        var registered = await response.ReadJsonAsync();
        Assert.Equal($"sim{botId}_bot", registered.Str("botUsername"));
        Assert.Equal($"{token[..(token.IndexOf(':', StringComparison.Ordinal) + 3)]}…(masked)", registered.Str("credential"));
        Assert.Equal($"@sim{botId}_bot", registered.GetProperty("account").Str("name"));
        Assert.Equal("bot", registered.GetProperty("account").Str("kind"));

        var row = (await azurite.CreateTableServiceClient().GetTableClient(host.Prefix + "accounts").GetEntityAsync<TableEntity>(tenant, id)).Value;
        Assert.DoesNotContain(((IDictionary<string, object>)row).Values, v => v?.ToString()?.Contains(secretPart, StringComparison.Ordinal) == true);
        var secrets = host.Services.GetRequiredService<ISecretStore>();
        var reference = row.GetString("SecretReference")!;
        Assert.Equal(token, await secrets.GetAsync(reference));

        await (await client.PostJsonAsync("/api/accounts/telegram-bots", $$"""{"token":"{{token}}"}""")).AssertProblemAsync(HttpStatusCode.Conflict);
        var admin = await (await client.PostJsonAsync($"/api/accounts/{id}/check-admin", """{"chat":"@herald_group"}""")).ReadJsonAsync();
        Assert.True(admin.GetProperty("isAdmin").GetBoolean());
        Assert.True(admin.GetProperty("canInviteUsers").GetBoolean());
        var member = await (await client.PostJsonAsync($"/api/accounts/{id}/check-admin", """{"chat":"-100777"}""")).ReadJsonAsync();
        Assert.False(member.GetProperty("canInviteUsers").GetBoolean());

        Assert.Equal("disabled", (await (await client.PostAsync($"/api/accounts/{id}/disable", null)).ReadJsonAsync()).Str("status"));
        Assert.Equal("disabled", (await (await client.PostAsync($"/api/accounts/{id}/disable", null)).ReadJsonAsync()).Str("status"));
        Assert.Equal("active", (await (await client.PostAsync($"/api/accounts/{id}/enable", null)).ReadJsonAsync()).Str("status"));
        Assert.Equal(id, (await (await client.GetAsync($"/api/accounts/{id}")).ReadJsonAsync()).Str("accountId"));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/accounts/{id}")).StatusCode);
        Assert.Null(await secrets.GetAsync(reference));
        await (await client.GetAsync($"/api/accounts/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.DeleteAsync($"/api/accounts/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostAsync($"/api/accounts/{id}/disable", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        var actions = (await (await client.GetAsync("/api/audit")).ReadJsonAsync()).GetProperty("entries").EnumerateArray().Select(e => e.Str("action")).Reverse();
        Assert.Equal(["account.register", "account.disable", "account.disable", "account.enable", "account.remove"], actions);
    }

    [Fact(Timeout = 60_000)]
    public async Task User_RegisterWithSessionReference_ListedWarmingAndAdminCheckSaysWhyNot()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);
        var client = host.Client(EngineApiHost.NewTenant());
        const string Session = "tdlib/sessions/ops-phone-1";

        var response = await client.PostJsonAsync("/api/accounts/telegram-users", $$"""{"session":"{{Session}}","name":"Ops 1","proxy":"socks5://127.0.0.1:1080"}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var registered = await response.ReadJsonAsync();
        Assert.Equal("(session stored)", registered.Str("credential"));
        Assert.DoesNotContain(Session, registered.ToString(), StringComparison.Ordinal);
        var id = registered.GetProperty("account").Str("accountId");
        Assert.StartsWith("tg-user-", id, StringComparison.Ordinal);
        var listed = Assert.Single((await (await client.GetAsync("/api/accounts")).ReadJsonAsync()).GetProperty("items").EnumerateArray());
        Assert.Equal("warming", listed.Str("status"));
        Assert.Equal("user", listed.Str("kind"));
        // A session reference is not a TDLib login: the user-account adapter answers, and says why it cannot check.
        var check = await (await client.PostJsonAsync($"/api/accounts/{id}/check-admin", """{"chat":"@herald_group"}""")).ReadJsonAsync();
        Assert.False(check.GetProperty("isAdmin").GetBoolean());
        Assert.Equal("secret_missing", check.Str("problem"));
    }

    [Fact(Timeout = 60_000)]
    public async Task Register_BadInputs_AnswerProblemsNamingTheField()
    {
        var revoked = EngineApiHost.NewBotToken();
        await using var host = await EngineApiHost.StartAsync(azurite, output, o =>
        {
            o.Workers = false;
            o.Simulator.RevokedTokens = [revoked];
        });
        var client = host.Client(EngineApiHost.NewTenant());

        await (await client.PostJsonAsync("/api/accounts/telegram-bots", $$"""{"token":"{{revoked}}"}""")).AssertProblemAsync(HttpStatusCode.BadRequest, "token", "rejected");
        await (await client.PostJsonAsync("/api/accounts/telegram-bots", """{"token":"not-a-token"}""")).AssertProblemAsync(HttpStatusCode.BadRequest, "token", "Not a Telegram bot token");
        await (await client.PostJsonAsync("/api/accounts/telegram-bots", """{"name":"x"}""")).AssertProblemAsync(HttpStatusCode.BadRequest, "token", "Required field is missing.");
        await (await client.PostJsonAsync("/api/accounts/telegram-bots", $$"""{"token":"{{EngineApiHost.NewBotToken()}}","name":"<b>bot</b>"}""")).AssertProblemAsync(HttpStatusCode.BadRequest, "name");
        await (await client.PostJsonAsync("/api/accounts/telegram-users", """{"session":"s","proxy":"socks5://user:pass@127.0.0.1:1080"}""")).AssertProblemAsync(HttpStatusCode.BadRequest, "proxy", "without credentials");
        await (await client.PostJsonAsync("/api/accounts/telegram-users", """{"session":" "}""")).AssertProblemAsync(HttpStatusCode.BadRequest, "session");
        await (await client.PostJsonAsync("/api/accounts/nope/check-admin", """{"chat":"@herald_group"}""")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await (await client.GetAsync("/api/accounts")).ReadJsonAsync()).GetProperty("items").EnumerateArray());
        Assert.DoesNotContain(revoked[^20..], host.Logs.AllText, StringComparison.Ordinal);
    }
}
