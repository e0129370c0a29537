extern alias simulator;

using System.Net;
using Herald.Engine.Persistence;
using Herald.Host.Tests.Infrastructure;
using Herald.Platforms.Abstractions;
using Herald.Platforms.TelegramUser;
using Herald.Testing;
using simulator::Herald.Simulator.Integrations;
using simulator::Herald.Simulator.TdLib;

namespace Herald.Host.Tests.Integrations;

/// <summary><c>POST /api/accounts/import</c> against the simulated integration-service, over loopback HTTP.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AccountImportApiTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string Service = IntegrationsState.IntegrationService;

    [Fact(Timeout = 90_000)]
    public async Task Import_ConnectedAccounts_UserAccountsRegisteredOnceCredentialsNeverAnswered()
    {
        await using var host = await IntegrationsHost.StartAsync(azurite, output);
        var tenant = EngineApiHost.NewTenant();
        var other = EngineApiHost.NewTenant();
        var secrets = host.Services.GetRequiredService<ISecretStore>();
        var credentials = TelegramUserCredentials.Create(4242, "hash-of-a1", "+10000009001").Serialize();
        var good = await secrets.SetAsync(tenant, "tdlib-a1", credentials);
        var garbage = await secrets.SetAsync(tenant, "tdlib-a5", "not credentials");
        host.Simulator.Integrations.Load(new IntegrationsScenario
        {
            Accounts =
            [
                new() { UserId = tenant, Id = "a1", Name = "Ops A", SecretRef = good },
                new() { UserId = tenant, Id = "a2", SecretRef = "nothing-here" },
                new() { UserId = tenant, Id = "a3", Status = "banned", SecretRef = good },
                new() { UserId = tenant, Id = "a4", Type = "bot", SecretRef = good },
                new() { UserId = tenant, Id = "a5", SecretRef = garbage },
                new() { UserId = tenant, Id = "a6", Proxy = "ftp://nope", SecretRef = good },
                new() { UserId = other, Id = "b1", SecretRef = good },
            ],
        });
        var client = host.Client(tenant);

        var answer = await client.PostJsonAsync("/api/accounts/import", "{}");
        var text = await answer.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var result = await answer.ReadJsonAsync();
        var imported = Assert.Single(result.GetProperty("imported").EnumerateArray());
        Assert.Equal("a1", imported.Str("externalId"));
        var id = imported.Str("accountId");
        var skipped = result.GetProperty("skipped").EnumerateArray().ToDictionary(s => s.Str("externalId"), s => s.Str("reason"));
        Assert.Equal(
            new Dictionary<string, string> { ["a2"] = "secret_missing", ["a3"] = "banned", ["a4"] = "unsupported_type", ["a5"] = "credentials_unusable", ["a6"] = "invalid" },
            skipped);
        foreach (var secret in new[] { "hash-of-a1", "10000009001", good, credentials })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        var listed = await (await client.GetAsync($"/api/accounts/{id}")).ReadJsonAsync();
        Assert.Equal("Ops A", listed.Str("name"));
        Assert.DoesNotContain("hash-of-a1", listed.ToString(), StringComparison.Ordinal);

        // Again: nothing new. The account keeps a copy of its own, so removing it leaves integration-service's secret alone.
        var again = await (await client.PostJsonAsync("/api/accounts/import", "{}")).ReadJsonAsync();
        Assert.Empty(again.GetProperty("imported").EnumerateArray());
        Assert.Equal(id, Assert.Single(again.GetProperty("existing").EnumerateArray()).Str("accountId"));
        var row = await host.Services.GetRequiredService<AccountStore>().GetAsync(tenant, id);
        Assert.NotEqual(good, row!.SecretReference);
        Assert.Equal(credentials, await secrets.GetAsync(row.SecretReference));

        // Tenant-scoped: the other tenant's import sees only its own account, and not this tenant's.
        var theirs = await (await host.Client(other).PostJsonAsync("/api/accounts/import", "{}")).ReadJsonAsync();
        Assert.Equal("b1", Assert.Single(theirs.GetProperty("imported").EnumerateArray()).Str("externalId"));
        await (await host.Client(other).GetAsync($"/api/accounts/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/accounts/{id}")).StatusCode);
        Assert.Equal(credentials, await secrets.GetAsync(good));
    }

    [Fact(Timeout = 120_000)]
    public async Task Import_UserAccountWithoutSession_LoginRequiredTakesNoWorkCampaignSaysSoThenLoginRunsIt()
    {
        await using var host = await IntegrationsHost.StartAsync(azurite, output, workers: true, configure: o => o.Settings["Herald:Limits:Telegram:User:SpreadOverDay"] = "false");
        var tenant = EngineApiHost.NewTenant();
        var world = host.Simulator.TdLib;
        world.Load(new TdScenario
        {
            Accounts = [new() { UserId = 7301, Phone = "+10000007301" }],
            Users = [new() { Id = 8301, Username = "ann_import" }],
        });
        var secrets = host.Services.GetRequiredService<ISecretStore>();
        var reference = await secrets.SetAsync(tenant, "tdlib-c1", TelegramUserCredentials.Create(4242, "hash-of-c1", "+10000007301").Serialize());
        host.Simulator.Integrations.Load(new IntegrationsScenario { Accounts = [new() { UserId = tenant, Id = "c1", Name = "Imported", SecretRef = reference }] });
        var client = host.Client(tenant);
        var id = Assert.Single((await (await client.PostJsonAsync("/api/accounts/import", """{"warmUp":false}""")).ReadJsonAsync()).GetProperty("imported").EnumerateArray()).Str("accountId");

        var account = await (await client.GetAsync($"/api/accounts/{id}")).ReadJsonAsync();
        Assert.Equal(("login_required", "login_required"), (account.Str("status"), account.Str("reason")));

        var created = await client.CreateCampaignAsync($$"""
            {"actions":["personalMessage"],"message":"Hi","accounts":["{{id}}"],"recipients":[{"username":"ann_import"}]}
            """);
        Assert.Contains(created.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("logged in", StringComparison.Ordinal));
        var campaign = created.Str("id");
        await Task.Delay(TimeSpan.FromSeconds(3));
        var waiting = await (await client.GetAsync($"/api/campaigns/{campaign}")).ReadJsonAsync();
        Assert.Equal(("waiting", "accounts_need_login", 1), (waiting.Str("status"), waiting.Str("waitingReason"), waiting.GetProperty("remaining").GetInt32()));
        Assert.Equal("login_required", Assert.Single(waiting.GetProperty("accounts").EnumerateArray()).Str("status"));
        Assert.Equal(0, waiting.GetProperty("counts").GetProperty("failed").GetInt32());
        Assert.Equal(0, world.SessionOpensOf(7301));
        Assert.Empty(world.Messages);

        // Enabling cannot make it act; its login can.
        await (await client.PostAsync($"/api/accounts/{id}/enable", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        var started = await (await client.PostAsync($"/api/accounts/{id}/login", null)).ReadJsonAsync();
        Assert.Equal("waitCode", started.GetProperty("login").Str("state"));
        var ready = await (await client.PostJsonAsync($"/api/accounts/{id}/login/code", """{"code":"12345"}""")).ReadJsonAsync();
        Assert.Equal("ready", ready.GetProperty("login").Str("state"));
        Assert.Equal("active", ready.GetProperty("account").Str("status"));

        var done = await client.WaitForCampaignAsync(campaign, s => s.GetProperty("remaining").GetInt32() == 0, TimeSpan.FromSeconds(60));
        Assert.Equal(1, done.GetProperty("counts").GetProperty("messaged").GetInt32());
        Assert.Equal((7301L, 8301L), (Assert.Single(world.Messages).AccountUserId, world.Messages[0].UserId));
        await (await client.PostAsync($"/api/accounts/{id}/login", null)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact(Timeout = 90_000)]
    public async Task Import_ServiceFailing_RetriedOn5xxOnlyThenProblemNamingTheService()
    {
        await using var host = await IntegrationsHost.StartAsync(azurite, output);
        var sim = host.Simulator.Integrations;
        var client = host.Client(EngineApiHost.NewTenant());

        // Two 503s, then an answer: three calls, and the import goes through.
        sim.FailNext(Service, 2, 503);
        var before = sim.CallsOf(Service);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/accounts/import", "{}")).StatusCode);
        Assert.Equal(before + 3, sim.CallsOf(Service));

        // Down for good: the first call and three retries, then 503 naming the service.
        sim.FailNext(Service, 10, 503);
        before = sim.CallsOf(Service);
        var down = await (await client.PostJsonAsync("/api/accounts/import", "{}")).AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal(Service, down.Str("service"));
        Assert.Equal(before + 4, sim.CallsOf(Service));
        sim.FailNext(Service, 0);

        // A 4xx is the service's answer: never retried.
        sim.FailNext(Service, 1, 400);
        before = sim.CallsOf(Service);
        var refused = await (await client.PostJsonAsync("/api/accounts/import", "{}")).AssertProblemAsync(HttpStatusCode.BadGateway);
        Assert.Equal(Service, refused.Str("service"));
        Assert.Equal(before + 1, sim.CallsOf(Service));

        // Another key than the service's: 502 saying so.
        sim.Load(new IntegrationsScenario { ApiKey = "another-key" });
        var rejected = await (await client.PostJsonAsync("/api/accounts/import", "{}")).AssertProblemAsync(HttpStatusCode.BadGateway);
        Assert.Equal(401, rejected.GetProperty("serviceStatus").GetInt32());

        await (await client.PostJsonAsync("/api/accounts/import", """{"platform":"icq"}""")).AssertProblemAsync(HttpStatusCode.BadRequest, "platform");
    }

    [Fact(Timeout = 90_000)]
    public async Task NotConfigured_ImportConflictAndAudienceProblemNamingTheService()
    {
        await using var host = await IntegrationsHost.StartAsync(azurite, output, integrations: false);
        var client = host.Client(EngineApiHost.NewTenant());
        var problem = await (await client.PostJsonAsync("/api/accounts/import", "{}")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(Service, problem.Str("service"));
        await (await client.PostJsonAsync("/api/campaigns", CampaignAudienceApiTests.Campaign.Replace("ID", "chat-42", StringComparison.Ordinal)))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "audience", "parsing-service");
    }
}
