using System.Net;
using System.Text.Json;
using Herald.Host.Tests.Infrastructure;
using Herald.Testing;
using Herald.Testing.Fakes;

namespace Herald.Host.Tests.Apis;

/// <summary>An account's own limits (R16): set at registration or with <c>PUT /api/accounts/{id}/limits</c>, only stricter (R35).</summary>
[Collection(ApiAzuriteCollection.Name)]
public sealed class AccountLimitsApiTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact(Timeout = 60_000)]
    public async Task Register_StricterLimits_ViewShowsThemAndTheEffectiveLimits()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);
        var client = host.Client(EngineApiHost.NewTenant());

        var user = await RegisterAsync(client, "telegram-users", """
            {"session":"s-1","limits":{"minPauseSeconds":20.5,"messagesPerDay":5,"invitesPerDay":10}}
            """);
        var bot = await RegisterAsync(client, "telegram-bots", $$$"""{"token":"{{{EngineApiHost.NewBotToken()}}}","limits":{"messagesPerDay":3,"requestsPerSecond":5}}""");

        var userView = await (await client.GetAsync($"/api/accounts/{user.Str("accountId")}")).ReadJsonAsync();
        var overrides = userView.GetProperty("overrides");
        Assert.Equal(20.5, overrides.GetProperty("minPauseSeconds").GetDouble());
        Assert.Equal(5, overrides.GetProperty("messagesPerDay").GetInt32());
        Assert.Equal(JsonValueKind.Null, overrides.GetProperty("maxPauseSeconds").ValueKind);
        var limits = userView.GetProperty("limits");
        Assert.Equal(20.5, limits.GetProperty("minPauseSeconds").GetDouble());
        Assert.Equal(20.5, limits.GetProperty("maxPauseSeconds").GetDouble()); // the configured 15 s is raised to the minimum
        Assert.Equal(5, limits.GetProperty("messagesPerDay").GetInt32());
        Assert.Equal(5, limits.GetProperty("messagesWithLinksPerDay").GetInt32()); // the configured 10 fits under 5
        Assert.Equal(10, limits.GetProperty("invitesPerDay").GetInt32());
        Assert.Equal(50, limits.GetProperty("addContactsPerDay").GetInt32());
        Assert.Equal(0.25, limits.GetProperty("warmupShare").GetDouble());

        var listed = (await (await client.GetAsync("/api/accounts")).ReadJsonAsync()).GetProperty("items").EnumerateArray()
            .Single(a => a.Str("accountId") == bot.Str("accountId"));
        Assert.Equal(3, listed.GetProperty("overrides").GetProperty("messagesPerDay").GetInt32());
        Assert.Equal(3, listed.GetProperty("limits").GetProperty("messagesPerDay").GetInt32());
        Assert.Equal(5, listed.GetProperty("limits").GetProperty("requestsPerSecond").GetInt32());
        Assert.Equal(20, listed.GetProperty("limits").GetProperty("perGroupPerMinute").GetInt32());
        Assert.Equal(1, listed.GetProperty("limits").GetProperty("perChatIntervalSeconds").GetDouble());

        var plain = await RegisterAsync(client, "telegram-users", """{"session":"s-2","limits":{}}""");
        Assert.Equal(JsonValueKind.Null, plain.GetProperty("overrides").ValueKind);
        Assert.Equal(40, plain.GetProperty("limits").GetProperty("messagesPerDay").GetInt32());
        var registered = (await AuditAsync(client)).Where(e => e.Str("action") == "account.register").ToList();
        Assert.Contains(registered, e => e.Str("resourceId") == user.Str("accountId")
            && e.GetProperty("details").Str("limits") == """{"minPauseSeconds":20.5,"invitesPerDay":10,"messagesPerDay":5}""");
        Assert.False(registered.Single(e => e.Str("resourceId") == plain.Str("accountId")).GetProperty("details").TryGetProperty("limits", out _));
    }

    [Fact(Timeout = 60_000)]
    public async Task Register_LooserOrMalformedLimits_400NamingTheField()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);
        var client = host.Client(EngineApiHost.NewTenant());

        async Task AssertRefusedAsync(string limits, string field, string message, string path = "telegram-users") =>
            await (await client.PostJsonAsync($"/api/accounts/{path}", path == "telegram-users"
                ? $$"""{"session":"s","limits":{{limits}}}"""
                : $$"""{"token":"{{EngineApiHost.NewBotToken()}}","limits":{{limits}}}"""))
                .AssertProblemAsync(HttpStatusCode.BadRequest, field, message);

        await AssertRefusedAsync("""{"messagesPerDay":41}""", "limits.messagesPerDay", "At most 40: the configured limit of telegram user accounts");
        await AssertRefusedAsync("""{"minPauseSeconds":5}""", "limits.minPauseSeconds", "At least 10 seconds: the configured minimum pause");
        await AssertRefusedAsync("""{"maxPauseSeconds":12}""", "limits.maxPauseSeconds", "At least 15 seconds: the configured maximum pause");
        await AssertRefusedAsync("""{"minPauseSeconds":30,"maxPauseSeconds":20}""", "limits.maxPauseSeconds", "may not be shorter than minPauseSeconds");
        await AssertRefusedAsync("""{"maxPauseSeconds":1e9}""", "limits.maxPauseSeconds", "At most 86400 seconds");
        await AssertRefusedAsync("""{"invitesPerDay":-1}""", "limits.invitesPerDay", "Must be 0 or more.");
        await AssertRefusedAsync("""{"messagesPerDay":5,"messagesWithLinksPerDay":8}""", "limits.messagesWithLinksPerDay", "may not exceed messagesPerDay");
        await AssertRefusedAsync("""{"messagingTier":1000}""", "limits.messagingTier", "WhatsApp");
        await AssertRefusedAsync("""{"messagesPerDay":"3"}""", "limits.messagesPerDay", "whole number");
        await AssertRefusedAsync("""{"messagesPerDay":2.5}""", "limits.messagesPerDay", "whole number");
        await AssertRefusedAsync("""{"minPauseSeconds":"00:00:20"}""", "limits.minPauseSeconds", "a number");
        await AssertRefusedAsync("""{"dailyMessages":3}""", "limits.dailyMessages", "Unknown field.");
        await AssertRefusedAsync("""[]""", "limits", "an object");
        await AssertRefusedAsync("""{"requestsPerSecond":31}""", "limits.requestsPerSecond", "At most 30: the configured limit of telegram bot accounts", "telegram-bots");
        await AssertRefusedAsync("""{"requestsPerSecond":0}""", "limits.requestsPerSecond", "Must be 1 or more.", "telegram-bots");
        Assert.Empty((await (await client.GetAsync("/api/accounts")).ReadJsonAsync()).GetProperty("items").EnumerateArray());
    }

    [Fact(Timeout = 60_000)]
    public async Task SetLimits_ReplaceClearAndRefuse_IdempotentAuditedAndTenantBound()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);
        var client = host.Client(EngineApiHost.NewTenant());
        var other = host.Client(EngineApiHost.NewTenant());
        var id = await client.RegisterBotAsync(EngineApiHost.NewBotToken());
        var path = $"/api/accounts/{id}/limits";

        var set = await PutAsync(client, path, """{"messagesPerDay":3,"minPauseSeconds":2}""");
        Assert.Equal(3, set.GetProperty("overrides").GetProperty("messagesPerDay").GetInt32());
        Assert.Equal(2, set.GetProperty("limits").GetProperty("minPauseSeconds").GetDouble());

        var replaced = await PutAsync(client, path, """{"invitesPerDay":7}""");
        Assert.Equal(JsonValueKind.Null, replaced.GetProperty("overrides").GetProperty("messagesPerDay").ValueKind);
        Assert.Equal(JsonValueKind.Null, replaced.GetProperty("limits").GetProperty("messagesPerDay").ValueKind);
        Assert.Equal(0, replaced.GetProperty("limits").GetProperty("minPauseSeconds").GetDouble());
        Assert.Equal(7, replaced.GetProperty("limits").GetProperty("invitesPerDay").GetInt32());
        Assert.Equal(replaced.ToString(), (await PutAsync(client, path, """{"invitesPerDay":7}""")).ToString());

        await (await other.SendJsonAsync(HttpMethod.Put, path, """{"invitesPerDay":1}""")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.SendJsonAsync(HttpMethod.Put, "/api/accounts/tg-bot-1/limits", "{}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.SendJsonAsync(HttpMethod.Put, path, """{"requestsPerSecond":50}""")).AssertProblemAsync(HttpStatusCode.BadRequest, "requestsPerSecond", "At most 30");
        await (await client.SendJsonAsync(HttpMethod.Put, path, """{"invitesPerDay":true}""")).AssertProblemAsync(HttpStatusCode.BadRequest, "invitesPerDay", "whole number");
        await (await client.SendJsonAsync(HttpMethod.Put, path, """{"limits":{}}""")).AssertProblemAsync(HttpStatusCode.BadRequest, "limits", "Unknown field.");
        Assert.Equal(7, (await (await client.GetAsync($"/api/accounts/{id}")).ReadJsonAsync()).GetProperty("limits").GetProperty("invitesPerDay").GetInt32());

        var cleared = await PutAsync(client, path, "{}");
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("overrides").ValueKind);
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("limits").GetProperty("invitesPerDay").ValueKind);
        Assert.Equal(30, cleared.GetProperty("limits").GetProperty("requestsPerSecond").GetInt32());

        var changes = (await AuditAsync(client)).Where(e => e.Str("action") == "account.limits").Reverse().ToList();
        Assert.All(changes, e => Assert.Equal(id, e.Str("resourceId")));
        Assert.Equal(
            ["""{"minPauseSeconds":2,"messagesPerDay":3}""", """{"invitesPerDay":7}""", """{"invitesPerDay":7}""", "{}"],
            changes.Select(e => e.GetProperty("details").Str("limits")));
        Assert.Empty(await AuditAsync(other));
    }

    [Fact(Timeout = 90_000)]
    public async Task Campaign_BotWithThreeMessagesPerDay_ActsThreeTimesThenRestsLimited()
    {
        var platform = new FakePlatform();
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Platform = platform);
        var client = host.Client(EngineApiHost.NewTenant());
        var bot = await RegisterAsync(client, "telegram-bots", $$$"""{"token":"{{{EngineApiHost.NewBotToken()}}}","limits":{"messagesPerDay":3}}""");
        var recipients = string.Join(",", Enumerable.Range(1, 10).Select(i => $$"""{"userId":{{3000 + i}}}"""));

        var id = (await client.CreateCampaignAsync($$"""{"actions":["botMessage"],"message":"Hi","recipients":[{{recipients}}]}""")).Str("id");
        await client.WaitForCampaignAsync(id, s => s.Str("status").StartsWith("completed", StringComparison.Ordinal)
            || s.GetProperty("counts").GetProperty("done").GetInt64() >= 3);
        var account = await WaitForAccountAsync(client, bot.Str("accountId"), a => a.Str("status") == "limited" || a.GetProperty("actionsLast15Minutes").GetInt64() > 3);

        Assert.Equal("limited", account.Str("status"));
        Assert.Equal(3, platform.Calls.Count);
        Assert.Equal(3, account.GetProperty("usageLast24Hours").GetProperty("messages").GetInt32());
        Assert.Equal(0, account.GetProperty("usageLast24Hours").GetProperty("invites").GetInt32());
        var status = await (await client.GetAsync($"/api/campaigns/{id}")).ReadJsonAsync();
        Assert.Equal("waiting", status.Str("status"));
        Assert.Equal("all_accounts_resting", status.Str("waitingReason"));
        Assert.Equal(3, status.GetProperty("counts").GetProperty("done").GetInt64());
        Assert.Equal(7, status.GetProperty("remaining").GetInt64());
    }

    private static async Task<JsonElement> RegisterAsync(HttpClient client, string path, string json)
    {
        var response = await client.PostJsonAsync($"/api/accounts/{path}", json);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("account");
    }

    private static async Task<JsonElement> PutAsync(HttpClient client, string path, string json)
    {
        var response = await client.SendJsonAsync(HttpMethod.Put, path, json);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<List<JsonElement>> AuditAsync(HttpClient client) =>
        [.. (await (await client.GetAsync("/api/audit")).ReadJsonAsync()).GetProperty("entries").EnumerateArray()];

    private static async Task<JsonElement> WaitForAccountAsync(HttpClient client, string id, Func<JsonElement, bool> until)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(45));
        while (true)
        {
            var account = await (await client.GetAsync($"/api/accounts/{id}")).ReadJsonAsync();
            if (until(account))
            {
                return account;
            }

            await Task.Delay(200, deadline.Token);
        }
    }
}
