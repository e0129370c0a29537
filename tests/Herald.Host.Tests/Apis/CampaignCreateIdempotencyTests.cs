using System.Net;
using System.Text.Json;
using Herald.Host.Messages;
using Herald.Host.Tests.Infrastructure;
using Herald.Testing;
using Herald.Testing.Fakes;

namespace Herald.Host.Tests.Apis;

/// <summary>
/// <c>POST /api/campaigns</c> with an <c>Idempotency-Key</c>: a client retrying a create whose answer it lost gets the
/// campaign the first request created, and everyone is reached once (a retried create without a key reached everyone
/// three times after a 503 that came once the campaign was stored).
/// </summary>
[Collection(ApiAzuriteCollection.Name)]
public sealed class CampaignCreateIdempotencyTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string Body = """{"actions":["botMessage"],"message":"Hi {{name}}","recipients":[{"userId":3101,"name":"Ann"},{"userId":3102,"name":"Bob"},{"userId":3103,"name":"Cid"}]}""";

    [Fact(Timeout = 90_000)]
    public async Task Create_SameKeyTwice_OneCampaignEveryoneOnce()
    {
        var platform = new FakePlatform();
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Platform = platform);
        var client = host.Client(EngineApiHost.NewTenant());
        await client.RegisterBotAsync(EngineApiHost.NewBotToken());

        var first = await client.PostJsonAsync("/api/campaigns", Body, "create-spring-1");
        var second = await client.PostJsonAsync("/api/campaigns", Body, "create-spring-1");

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (first.StatusCode, second.StatusCode));
        var id = (await first.ReadJsonAsync()).Str("id");
        var again = await second.ReadJsonAsync();
        Assert.Equal(id, again.Str("id"));
        Assert.Equal(3, again.GetProperty("total").GetInt32());
        Assert.Equal($"/api/campaigns/{id}", second.Headers.Location?.OriginalString);
        Assert.True(second.Headers.TryGetValues(MessageOperations.ReplayedHeader, out var replayed) && replayed.Single() == "true");
        Assert.False(first.Headers.Contains(MessageOperations.ReplayedHeader));

        await client.WaitForCampaignAsync(id, s => s.Str("status") == "completed");
        Assert.Equal(["Hi Ann", "Hi Bob", "Hi Cid"], platform.Calls.Select(c => c.Text).Order());
        var list = await (await client.GetAsync("/api/campaigns")).ReadJsonAsync();
        Assert.Single(list.GetProperty("items").EnumerateArray());
        var audit = await (await client.GetAsync("/api/audit")).ReadJsonAsync();
        Assert.Single(audit.GetProperty("entries").EnumerateArray(), e => e.Str("action") == "campaign.create");
    }

    // The case that reached everyone three times: the first request stored its campaign and then failed (a 503), so its
    // key was never completed. The retry with the key answers that campaign instead of creating another.
    [Fact(Timeout = 90_000)]
    public async Task Create_FirstRequestStoredItsCampaignThenFailed_RetryAnswersThatCampaign()
    {
        var platform = new FakePlatform();
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Platform = platform);
        var tenant = EngineApiHost.NewTenant();
        var client = host.Client(tenant);
        await client.RegisterBotAsync(EngineApiHost.NewBotToken());

        // The first request: it took the key with its campaign's id and stored the campaign, then lost its answer.
        var stored = await client.PostJsonAsync("/api/campaigns", Body);
        var storedId = (await stored.ReadJsonAsync()).Str("id");
        var request = JsonSerializer.Deserialize<Herald.Host.Campaigns.CreateCampaignRequest>(Body, Herald.Host.Validation.HeraldJson.Strict)!;
        var fingerprint = IdempotencyStore.Fingerprint("POST", "/api/campaigns", JsonSerializer.Serialize(request, Herald.Host.Validation.HeraldJson.Strict));
        var held = await host.Services.GetRequiredService<IdempotencyStore>().BeginAsync(tenant, "create-after-503", fingerprint, storedId);
        Assert.Equal(IdempotencyState.Started, held.State);

        var retry = await client.PostJsonAsync("/api/campaigns", Body, "create-after-503");

        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal(storedId, (await retry.ReadJsonAsync()).Str("id"));
        await client.WaitForCampaignAsync(storedId, s => s.Str("status") == "completed");
        Assert.Equal(3, platform.Calls.Count);
        Assert.Single((await (await client.GetAsync("/api/campaigns")).ReadJsonAsync()).GetProperty("items").EnumerateArray());
        Assert.Equal(3, await CountTargetsAsync(host, tenant, storedId));
    }

    [Fact(Timeout = 60_000)]
    public async Task Create_SameKeyOtherBody_422AndBadKey_400NamingTheHeader()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);
        var client = host.Client(EngineApiHost.NewTenant());
        await client.RegisterBotAsync(EngineApiHost.NewBotToken());
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostJsonAsync("/api/campaigns", Body, "key-a")).StatusCode);

        var other = await client.PostJsonAsync("/api/campaigns", Body.Replace("Hi {{name}}", "Hello {{name}}", StringComparison.Ordinal), "key-a");
        var bad = await client.PostJsonAsync("/api/campaigns", Body, new string('k', 256));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Contains("Idempotency-Key", (await other.ReadJsonAsync()).Str("detail"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.ReadJsonAsync()).GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
        Assert.Single((await (await client.GetAsync("/api/campaigns")).ReadJsonAsync()).GetProperty("items").EnumerateArray());
    }

    private static async Task<int> CountTargetsAsync(EngineApiHost host, string tenant, string id)
    {
        var count = 0;
        await foreach (var _ in host.Services.GetRequiredService<Herald.Engine.Persistence.TargetStore>().QueryAsync(tenant, id))
        {
            count++;
        }

        return count;
    }
}
