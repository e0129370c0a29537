using System.Net;
using Herald.Host.Tests.Infrastructure;
using Herald.Testing;

namespace Herald.Host.Tests.Apis;

[Collection(ApiAzuriteCollection.Name)]
public sealed class BotOwnershipApiTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact(Timeout = 60_000)]
    public async Task RegisterBot_SameBotBySecondTenant_409WithoutNamingTheOwnerUntilTheFirstRemovesIt()
    {
        var token = EngineApiHost.NewBotToken();
        var id = $"tg-bot-{EngineApiHost.BotIdOf(token)}";
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);
        var first = EngineApiHost.NewTenant("first");
        var second = EngineApiHost.NewTenant("second");
        var firstClient = host.Client(first);
        var secondClient = host.Client(second);
        var body = $$"""{"token":"{{token}}"}""";

        Assert.Equal(HttpStatusCode.Created, (await firstClient.PostJsonAsync("/api/accounts/telegram-bots", body)).StatusCode);
        var refused = await (await secondClient.PostJsonAsync("/api/accounts/telegram-bots", body)).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("registered by another tenant", refused.Str("detail"), StringComparison.Ordinal);
        Assert.DoesNotContain(first, refused.ToString(), StringComparison.Ordinal);
        Assert.Empty((await (await secondClient.GetAsync("/api/accounts")).ReadJsonAsync()).GetProperty("items").EnumerateArray());
        var again = await (await firstClient.PostJsonAsync("/api/accounts/telegram-bots", body)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains($"already registered as account {id}", again.Str("detail"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await firstClient.DeleteAsync($"/api/accounts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await secondClient.PostJsonAsync("/api/accounts/telegram-bots", body)).StatusCode);
        Assert.Equal(id, Assert.Single((await (await secondClient.GetAsync("/api/accounts")).ReadJsonAsync()).GetProperty("items").EnumerateArray()).Str("accountId"));
        await (await firstClient.PostJsonAsync("/api/accounts/telegram-bots", body)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact(Timeout = 60_000)]
    public async Task RegisterBot_TwoTenantsAtOnce_ExactlyOneOwnsTheBot()
    {
        var token = EngineApiHost.NewBotToken();
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);
        var tenants = Enumerable.Range(0, 4).Select(i => EngineApiHost.NewTenant($"race{i}")).ToList();

        var answers = await Task.WhenAll(tenants.Select(t => host.Client(t).PostJsonAsync("/api/accounts/telegram-bots", $$"""{"token":"{{token}}"}""")));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        var owners = 0;
        foreach (var tenant in tenants)
        {
            owners += (await (await host.Client(tenant).GetAsync("/api/accounts")).ReadJsonAsync()).GetProperty("items").GetArrayLength();
        }

        Assert.Equal(1, owners);
    }
}
