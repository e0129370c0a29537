using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Herald.Development;
using Herald.Host.Tests.Infrastructure;
using Herald.Testing;

namespace Herald.Host.Tests.Storage;

/// <summary>
/// Storage outages as a user meets them (issue 15 item 9): storage refusing connections, and storage hanging (Azurite
/// paused with SIGSTOP; never SIGKILL, it loses acknowledged writes). During the outage every API call answers 503 problem
/// details with <c>Retry-After</c> instead of hanging or 500, <c>/readyz</c> names both storage checks, the host stays
/// up, and once storage is back the same calls answer 200 by themselves.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageOutageTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    // Generous bounds that make a hang fail the test instead of stalling it; the figures are logged, not asserted tightly.
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(20);

    [Fact(Timeout = 120_000)]
    public async Task Api_StorageRefusesConnections_Answers503WithRetryAfterThenRecovers()
    {
        await using var tableProxy = LoopbackProxy.Start(azurite.CreateTableServiceClient().Uri.Port);
        await using var queueProxy = LoopbackProxy.Start(azurite.CreateQueueServiceClient().Uri.Port);
        await using var host = await EngineApiHost.StartAsync(azurite, output, o =>
        {
            o.Workers = false;
            o.Settings["Herald:Storage:ConnectionString"] = Proxied(tableProxy, queueProxy);
        });
        var (client, id) = await CreateCampaignAsync(host);

        tableProxy.Refuse();
        queueProxy.Refuse();
        await AssertOutageAsync(client, id);

        tableProxy.Accept();
        queueProxy.Accept();
        await AssertRecoversAsync(client, id);
    }

    [Fact(Timeout = 120_000)]
    public async Task Api_StorageHangs_Answers503WithRetryAfterThenRecovers()
    {
        await using var storage = await AzuriteLauncher.StartAsync();
        await using var host = await EngineApiHost.StartAsync(azurite, output, o =>
        {
            o.Workers = false;
            o.Settings["Herald:Storage:ConnectionString"] = storage.ConnectionString;
        });
        var (client, id) = await CreateCampaignAsync(host);

        storage.Pause();
        try
        {
            await AssertOutageAsync(client, id);
        }
        finally
        {
            storage.Resume();
        }

        await AssertRecoversAsync(client, id);
    }

    [Fact(Timeout = 120_000)]
    public async Task Start_StorageDownThenUp_EngineStorageCreatedInTheBackgroundAndReady()
    {
        await using var tableProxy = LoopbackProxy.Start(azurite.CreateTableServiceClient().Uri.Port);
        await using var queueProxy = LoopbackProxy.Start(azurite.CreateQueueServiceClient().Uri.Port);
        tableProxy.Refuse();
        queueProxy.Refuse();
        await using var host = await EngineApiHost.StartAsync(azurite, output, o =>
        {
            o.Workers = false;
            o.Settings["Herald:Storage:ConnectionString"] = Proxied(tableProxy, queueProxy);
        });
        var client = host.Client(EngineApiHost.NewTenant());
        client.Timeout = RequestTimeout;

        var down = await client.GetAsync("/readyz");
        var engine = (await down.ReadJsonAsync()).GetProperty("checks").EnumerateArray().Single(c => c.Str("name") == "engine-storage");
        Assert.Equal("The engine's tables and queues are not created yet.", engine.Str("detail"));

        tableProxy.Accept();
        queueProxy.Accept();
        var clock = Stopwatch.StartNew();
        while ((await client.GetAsync("/readyz")).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(clock.Elapsed < RecoveryLimit, "The engine's tables and queues were not created after storage came up.");
            await Task.Delay(250);
        }

        output.WriteLine($"ready {clock.Elapsed.TotalSeconds:F2} s after storage came up");
        var created = await client.CreateCampaignAsync("""{"name":"Late","actions":["botMessage"],"message":"Hi","recipients":[{"userId":1001}]}""");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/campaigns/{created.Str("id")}")).StatusCode);
    }

    private static string Proxied(LoopbackProxy tables, LoopbackProxy queues) =>
        $"DefaultEndpointsProtocol=http;AccountName={DevelopmentStorage.AccountName};AccountKey={DevelopmentStorage.AccountKey};"
        + $"TableEndpoint=http://127.0.0.1:{tables.Port}/{DevelopmentStorage.AccountName};"
        + $"QueueEndpoint=http://127.0.0.1:{queues.Port}/{DevelopmentStorage.AccountName};";

    private static async Task<(HttpClient Client, string Id)> CreateCampaignAsync(EngineApiHost host)
    {
        var client = host.Client(EngineApiHost.NewTenant());
        client.Timeout = RequestTimeout;
        var created = await client.CreateCampaignAsync("""{"name":"Outage","actions":["botMessage"],"message":"Hi","recipients":[{"userId":1001}]}""");
        var id = created.Str("id");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/campaigns/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
        return (client, id);
    }

    private async Task AssertOutageAsync(HttpClient client, string id)
    {
        var status = await TimedAsync(() => client.GetAsync($"/api/campaigns/{id}"), $"GET /api/campaigns/{id}");
        await AssertUnavailableAsync(status);
        await AssertUnavailableAsync(await TimedAsync(() => client.GetAsync("/api/campaigns"), "GET /api/campaigns"));
        await AssertUnavailableAsync(await TimedAsync(() => client.PostAsync($"/api/campaigns/{id}/pause", null), "POST pause"));
        await AssertUnavailableAsync(await TimedAsync(() => client.GetAsync("/api/accounts"), "GET /api/accounts"));
        await AssertUnavailableAsync(await TimedAsync(() => client.GetAsync("/api/audit"), "GET /api/audit"));

        var ready = await TimedAsync(() => client.GetAsync("/readyz"), "GET /readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("application/problem+json", ready.Content.Headers.ContentType?.MediaType);
        var checks = (await ready.ReadJsonAsync()).GetProperty("checks").EnumerateArray().ToDictionary(c => c.Str("name"), c => c.Str("status"));
        Assert.Equal("not_ready", checks["storage"]);
        Assert.Equal("not_ready", checks["engine-storage"]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    private async Task AssertRecoversAsync(HttpClient client, string id)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            HttpStatusCode? answer = null;
            try
            {
                answer = (await client.GetAsync($"/api/campaigns/{id}")).StatusCode;
            }
            catch (TaskCanceledException)
            {
                // Still hanging: ask again.
            }

            if (answer == HttpStatusCode.OK)
            {
                break;
            }

            Assert.True(clock.Elapsed < RecoveryLimit, $"GET /api/campaigns/{id} still answered {answer?.ToString() ?? "nothing"} {clock.Elapsed.TotalSeconds:F1} s after storage came back.");
            await Task.Delay(250);
        }

        output.WriteLine($"recovered: GET /api/campaigns/{id} answered 200 {clock.Elapsed.TotalSeconds:F2} s after storage came back");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/campaigns/{id}/pause", null)).StatusCode);
    }

    private async Task<HttpResponseMessage> TimedAsync(Func<Task<HttpResponseMessage>> call, string name)
    {
        var clock = Stopwatch.StartNew();
        var response = await call();
        output.WriteLine($"outage: {name} answered {(int)response.StatusCode} in {clock.Elapsed.TotalSeconds:F2} s");
        return response;
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "503 without Retry-After.");
        var problem = await response.ReadJsonAsync();
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.Contains("Storage", problem.Str("detail"), StringComparison.Ordinal);
        Assert.DoesNotContain(DevelopmentStorage.AccountKey, problem.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Number, problem.GetProperty("retryAfterSeconds").ValueKind);
    }
}
