using System.Net;
using System.Text.Json;
using Herald.Host.Tests.Infrastructure;
using Herald.Testing;

namespace Herald.Host.Tests.Apis;

/// <summary>
/// Paid broadcasts through the API (issue 16), against the simulator's paid limit and Stars balance over loopback HTTP:
/// a bot with a paid rate sends above the free 30/s for a campaign that pays for it; when its Stars run out the campaign
/// pauses with the reason in its status, and nobody is sent twice or lost.
/// </summary>
[Collection(ApiAzuriteCollection.Name)]
public sealed class PaidBroadcastApiTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int Recipients = 400;

    [Fact(Timeout = 120_000)]
    public async Task Campaign_PaidBroadcastUntilTheStarsRunOut_SendsAboveThirtyPausesWithTheReasonAndResumesWithoutLossOrDuplicate()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output);
        var tenant = EngineApiHost.NewTenant();
        var client = host.Client(tenant);
        var token = EngineApiHost.NewBotToken();
        var botId = EngineApiHost.BotIdOf(token);
        var registered = await client.PostJsonAsync("/api/accounts/telegram-bots", $$$"""{"token":"{{{token}}}","limits":{"paidRequestsPerSecond":150}}""");
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var bot = (await registered.ReadJsonAsync()).GetProperty("account").GetProperty("accountId").GetString()!;
        // 12 Stars pay for 120 paid messages.
        host.Simulator.State.SetStarsBalance(botId, 12);

        var recipients = string.Join(",", Enumerable.Range(0, Recipients).Select(i => $$"""{"userId":{{700_000 + i}},"name":"U{{i}}"}"""));
        var created = await client.CreateCampaignAsync($$$"""
            {"actions":["botMessage"],"message":"Sale {{name}}","paidBroadcast":["{{{bot}}}"],"recipients":[{{{recipients}}}]}
            """);
        var id = created.GetProperty("id").GetString()!;
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var paused = await client.WaitForCampaignAsync(id, s => s.GetProperty("status").GetString() == "paused"
            && s.GetProperty("counts").GetProperty("messaged").GetInt64() == host.Simulator.State.GetStats().Totals.Delivered, TimeSpan.FromSeconds(60));

        output.WriteLine($"paused after {clock.Elapsed}");
        var stats = host.Simulator.State.GetStats();
        var counts = paused.GetProperty("counts");
        Assert.Equal("stars_balance_spent", paused.GetProperty("pausedReason").GetString());
        Assert.Equal(120, stats.Totals.PaidDelivered);
        Assert.Equal(120, counts.GetProperty("paid").GetInt64());
        Assert.Equal(120, paused.GetProperty("accounts")[0].GetProperty("paid").GetInt64());
        Assert.Equal(0, stats.Totals.RateLimited);
        Assert.Equal(0, stats.Totals.MultiMessageChats);
        Assert.Equal(0, counts.GetProperty("failed").GetInt64());
        Assert.Equal(0, counts.GetProperty("unknown").GetInt64());
        Assert.Equal(Recipients, counts.GetProperty("messaged").GetInt64() + paused.GetProperty("remaining").GetInt64());
        Assert.True(paused.GetProperty("remaining").GetInt64() > 0);
        AssertAboveThirtyPerSecond(host);

        var report = await (await client.GetAsync($"/api/campaigns/{id}/report")).ReadJsonAsync();
        Assert.Equal(120, report.GetProperty("paid").GetInt64());
        var csv = await client.GetAsync($"/api/campaigns/{id}/report.csv");
        Assert.Equal("120", Assert.Single(csv.Headers.GetValues("Herald-Paid-Messages")));
        var audit = await (await client.GetAsync("/api/audit?limit=50")).ReadJsonAsync();
        var create = Assert.Single(audit.GetProperty("entries").EnumerateArray(), e => e.GetProperty("action").GetString() == "campaign.create");
        Assert.Equal(bot, create.GetProperty("details").GetProperty("paidBroadcast").GetString());

        // Topped up and resumed, it finishes: everybody once, the paid count honest.
        host.Simulator.State.SetStarsBalance(botId, 1000);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/campaigns/{id}/resume", null)).StatusCode);
        var done = await client.WaitForCampaignAsync(id, s => s.GetProperty("status").GetString() == "completed", TimeSpan.FromSeconds(60));

        output.WriteLine($"completed after {clock.Elapsed}");
        stats = host.Simulator.State.GetStats();
        Assert.Equal(Recipients, stats.Totals.Delivered);
        Assert.Equal(0, stats.Totals.MultiMessageChats);
        Assert.Equal(0, stats.Totals.RateLimited);
        Assert.Equal(Recipients, done.GetProperty("counts").GetProperty("messaged").GetInt64());
        Assert.Equal(stats.Totals.PaidDelivered, done.GetProperty("counts").GetProperty("paid").GetInt64());
        Assert.Equal(JsonValueKind.Null, done.GetProperty("pausedReason").ValueKind);
    }

    [Fact(Timeout = 60_000)]
    public async Task Create_PaidBroadcastForABotWithoutAPaidRate_400NamingPaidBroadcast()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);
        var client = host.Client(EngineApiHost.NewTenant());
        var bot = await client.RegisterBotAsync(EngineApiHost.NewBotToken());

        var response = await client.PostJsonAsync("/api/campaigns", $$"""
            {"actions":["botMessage"],"message":"Sale","paidBroadcast":["{{bot}}"],"recipients":[{"userId":1}]}
            """);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "paidBroadcast", "No paid rate configured");
    }

    [Fact(Timeout = 60_000)]
    public async Task Register_PaidRateAboveOneThousand_400NamingTheField()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);
        var client = host.Client(EngineApiHost.NewTenant());

        var response = await client.PostJsonAsync("/api/accounts/telegram-bots", $$$"""{"token":"{{{EngineApiHost.NewBotToken()}}}","limits":{"paidRequestsPerSecond":1001}}""");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "limits.paidRequestsPerSecond", "At most 1000");
    }

    // Some second of the run delivered more than the free 30, and none more than the bot's paid rate.
    private static void AssertAboveThirtyPerSecond(EngineApiHost host)
    {
        var stamps = host.Simulator.State.GetDeliveries().Select(d => d.DeliveredAt).Order().ToList();
        var most = 0;
        for (int i = 0, j = 0; i < stamps.Count; i++)
        {
            while (stamps[i] - stamps[j] >= TimeSpan.FromSeconds(1))
            {
                j++;
            }

            most = Math.Max(most, i - j + 1);
        }

        Assert.InRange(most, 31, 150);
    }
}
