using System.Globalization;
using System.Net;
using Herald.Engine.Orchestrations;
using Herald.Host.Tests.Infrastructure;
using Herald.Testing;
using Herald.Testing.Fakes;
using Microsoft.DurableTask.Client;

namespace Herald.Host.Tests.Orchestrations;

/// <summary>
/// Each campaign's orchestration, through the in-process Durable Task sidecar on the collection's Azurite: the scheduled
/// start, control as external events, preparation, completion with its summary and the Monitor-visible custom status.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CampaignOrchestrationTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly TimeSpan OrchestrationEnd = TimeSpan.FromSeconds(60);

    [Fact(Timeout = 90_000)]
    public async Task ScheduledStart_FiresOnceNotEarly_EndsWithSummaryAndCustomStatus()
    {
        var platform = new FakePlatform();
        await using var host = await StartAsync(platform);
        var tenant = EngineApiHost.NewTenant();
        var client = host.Client(tenant);
        await client.RegisterBotAsync(EngineApiHost.NewBotToken());
        var startAt = DateTimeOffset.UtcNow.AddSeconds(4);

        var created = await client.CreateCampaignAsync(Broadcast(20, startAt));
        var instanceId = CampaignInstance.IdOf(tenant, created.Str("id"));
        var durable = host.Services.GetRequiredService<DurableTaskClient>();
        var waiting = await WaitForCustomStatusAsync(durable, instanceId);

        Assert.Equal("scheduled", created.Str("status"));
        Assert.Equal(("scheduled", 0L, 20), (waiting.Status, waiting.Processed, waiting.Total));
        using var end = new CancellationTokenSource(OrchestrationEnd);
        var ended = await durable.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, end.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, ended.RuntimeStatus);
        var summary = ended.ReadOutputAs<CampaignSummary>()!;
        Assert.Equal(("completed", 20, 20L, 0L), (summary.Status, summary.Total, summary.Done, summary.Failed));
        var progress = ended.ReadCustomStatusAs<CampaignProgress>()!;
        Assert.Equal(("completed", 20L, 20), (progress.Status, progress.Processed, progress.Total));
        Assert.Equal(20, platform.Calls.Count);
        Assert.Empty(platform.DuplicatedRecipients);
        Assert.All(platform.Calls, c => Assert.True(c.StartedAt >= startAt, $"acted at {c.StartedAt:O}, before its start {startAt:O}"));
        Assert.Single(host.Logs.Records, r => r.Contains($"Scheduled campaign {tenant}/{created.Str("id")} started", StringComparison.Ordinal));
        Assert.Equal("completed", (await client.WaitForCampaignAsync(created.Str("id"), _ => true)).Str("status"));
    }

    [Fact(Timeout = 90_000)]
    public async Task PausedBeforeItsStart_StaysPausedWhenTheTimerFires_ResumedAfterItRunsOnce()
    {
        var platform = new FakePlatform();
        await using var host = await StartAsync(platform);
        var tenant = EngineApiHost.NewTenant();
        var client = host.Client(tenant);
        await client.RegisterBotAsync(EngineApiHost.NewBotToken());
        var startAt = DateTimeOffset.UtcNow.AddSeconds(3);
        var id = (await client.CreateCampaignAsync(Broadcast(10, startAt))).Str("id");
        var durable = host.Services.GetRequiredService<DurableTaskClient>();

        Assert.Equal("paused", (await (await client.PostAsync($"/api/campaigns/{id}/pause", null)).ReadJsonAsync()).Str("status"));
        Assert.Equal("paused", (await (await client.PostAsync($"/api/campaigns/{id}/pause", null)).ReadJsonAsync()).Str("status"));
        await Task.Delay(startAt - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(3));

        Assert.Equal("paused", (await client.WaitForCampaignAsync(id, _ => true)).Str("status"));
        Assert.Empty(platform.Calls);
        var instance = (await durable.GetInstanceAsync(CampaignInstance.IdOf(tenant, id), getInputsAndOutputs: true))!;
        Assert.True(instance.RuntimeStatus == OrchestrationRuntimeStatus.Running, $"{instance.RuntimeStatus}: {instance.FailureDetails?.ErrorType} {instance.FailureDetails?.ErrorMessage}");
        var resumed = await client.PostAsync($"/api/campaigns/{id}/resume", null);
        Assert.Equal("running", (await resumed.ReadJsonAsync()).Str("status"));
        using var end = new CancellationTokenSource(OrchestrationEnd);
        var ended = await durable.WaitForInstanceCompletionAsync(CampaignInstance.IdOf(tenant, id), getInputsAndOutputs: true, end.Token);
        Assert.Equal("completed", ended.ReadOutputAs<CampaignSummary>()!.Status);
        Assert.Equal(10, platform.Calls.Count);
        Assert.Empty(platform.DuplicatedRecipients);
    }

    [Fact(Timeout = 90_000)]
    public async Task CancelWhilePreparing_EndsItsOrchestration_EveryoneReportedCancelled()
    {
        var platform = new FakePlatform();
        await using var host = await StartAsync(platform, o =>
        {
            o.Settings["Herald:Campaigns:BackgroundAbove"] = "10";
            o.Settings["Herald:Durable:PrepareChunk"] = "5";
            o.Settings["Herald:Durable:ChunksAtOnce"] = "1";
        });
        var tenant = EngineApiHost.NewTenant();
        var client = host.Client(tenant);
        await client.RegisterBotAsync(EngineApiHost.NewBotToken());
        var importId = await client.UploadUserIdsAsync(40);
        var created = await client.CreateCampaignAsync($$$"""{"actions":["botMessage"],"message":"Hi {{name}}","importId":"{{{importId}}}"}""");
        var id = created.Str("id");

        var cancelled = await client.PostAsync($"/api/campaigns/{id}/cancel", null);

        Assert.Equal("preparing", created.Str("status"));
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (await cancelled.ReadJsonAsync()).Str("status"));
        var durable = host.Services.GetRequiredService<DurableTaskClient>();
        using var end = new CancellationTokenSource(OrchestrationEnd);
        var ended = await durable.WaitForInstanceCompletionAsync(CampaignInstance.IdOf(tenant, id), getInputsAndOutputs: true, end.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, ended.RuntimeStatus);
        var summary = ended.ReadOutputAs<CampaignSummary>()!;
        Assert.Equal(("cancelled", 40, 40L, 0L), (summary.Status, summary.Total, summary.Cancelled, summary.Done));
        var status = await client.WaitForCampaignAsync(id, _ => true);
        Assert.Equal(40, status.GetProperty("counts").GetProperty("cancelled").GetInt64());
        Assert.Empty(platform.Calls);
    }

    private Task<EngineApiHost> StartAsync(FakePlatform platform, Action<EngineApiOptions>? configure = null) =>
        EngineApiHost.StartAsync(azurite, output, o =>
        {
            o.Platform = platform;
            o.Settings["Herald:Durable:LookEvery"] = "00:00:02";
            configure?.Invoke(o);
        });

    private static string Broadcast(int recipients, DateTimeOffset startAt)
    {
        var list = string.Join(',', Enumerable.Range(0, recipients).Select(i => $$"""{"userId":{{810_000 + i}},"name":"User {{i}}"}"""));
        return $$$"""{"actions":["botMessage"],"message":"Hi {{name}}","startAt":"{{{startAt.ToString("O", CultureInfo.InvariantCulture)}}}","recipients":[{{{list}}}]}""";
    }

    private static async Task<CampaignProgress> WaitForCustomStatusAsync(DurableTaskClient durable, string instanceId)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var instance = await durable.GetInstanceAsync(instanceId, getInputsAndOutputs: true, deadline.Token);
            if (instance?.SerializedCustomStatus is { Length: > 0 } && instance.ReadCustomStatusAs<CampaignProgress>() is { } progress)
            {
                return progress;
            }

            await Task.Delay(200, deadline.Token);
        }
    }
}
