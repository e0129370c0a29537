using System.Text.Json;
using Azure.Storage.Queues.Models;
using Herald.Functions.Tests.Infrastructure;
using Herald.Engine.Orchestrations;
using Herald.Engine.Persistence;
using Herald.Testing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Functions.Tests;

/// <summary>
/// The function classes invoked directly, as the Functions host would call them, over real parts: a real
/// <c>HttpContext</c>, Herald's real pipeline and stores on Azurite, the Telegram simulator over loopback, the
/// campaign orchestration through a Durable Task client of a task hub on Azurite, the real tick queue.
/// </summary>
[Collection("Azurite")]
public sealed class FunctionsInvocationTests(AzuriteFixture azurite)
{
    [Fact(Timeout = 60_000)]
    public async Task HttpFunctions_SameAuthenticationAndProblemDetailsAsTheLocalHost()
    {
        await using var app = await FunctionsApp.StartAsync(azurite, runTicks: false);

        var anonymous = await app.CallAsync(app.Http.WhoAmI, new FunctionCall("GET", "/api/whoami", apiKey: null));
        Assert.Equal(401, anonymous.Status);
        Assert.StartsWith("application/problem+json", anonymous.Header("Content-Type"), StringComparison.Ordinal);

        var whoami = await app.CallAsync(app.Http.WhoAmI, new FunctionCall("GET", "/api/whoami"));
        Assert.Equal(200, whoami.Status);
        Assert.Equal(TestSettings.ApiKeyTenant, whoami.Json.GetProperty("tenantId").GetString());

        var invalid = await app.CallAsync(app.Http.CreateCampaign, new FunctionCall("POST", "/api/campaigns", """{"actions":["botMessage"],"message":"Hi","recipients":[]}"""));
        Assert.Equal(400, invalid.Status);
        Assert.StartsWith("application/problem+json", invalid.Header("Content-Type"), StringComparison.Ordinal);
        Assert.True(invalid.Json.GetProperty("errors").TryGetProperty("recipients", out _), invalid.Body);

        var missing = await app.CallAsync(app.Http.GetCampaign, new FunctionCall("GET", "/api/campaigns/nope"));
        Assert.Equal(404, missing.Status);
    }

    [Fact(Timeout = 60_000)]
    public async Task DashboardFiles_ServedByTheFunctionsAppUnderTheStrictPolicy()
    {
        await using var app = await FunctionsApp.StartAsync(azurite, runTicks: false);

        var index = await app.CallAsync(app.Observability.DashboardFiles, new FunctionCall("GET", "/", apiKey: null));
        Assert.Equal(200, index.Status);
        Assert.StartsWith("text/html", index.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Contains("js/app.js", index.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", index.Header("Content-Security-Policy") ?? "unsafe-inline", StringComparison.Ordinal);

        var script = await app.CallAsync(app.Observability.DashboardFiles, new FunctionCall("GET", "/js/app.js", apiKey: null));
        Assert.Equal(200, script.Status);
        Assert.Contains("javascript", script.Header("Content-Type"), StringComparison.Ordinal);

        // As on the local host: a path that is no file is no anonymous resource (the pipeline asks for credentials).
        var missing = await app.CallAsync(app.Observability.DashboardFiles, new FunctionCall("GET", "/no-such-file.js", apiKey: null));
        Assert.Equal(401, missing.Status);
    }

    [Fact(Timeout = 90_000)]
    public async Task Campaign_CreateRunPauseResumeReport_ThroughTheFunctions()
    {
        await using var app = await FunctionsApp.StartAsync(azurite);
        var token = $"{Random.Shared.Next(100_000_000, 999_999_999)}:AAH-functions-{Guid.NewGuid():N}"[..46];
        var bot = await app.CallAsync(app.Http.RegisterTelegramBot, new FunctionCall("POST", "/api/accounts/telegram-bots", $$$"""{"token":"{{{token}}}","limits":{"minPauseSeconds":0.5}}"""));
        Assert.True(bot.Status == 201, bot.Body);

        var recipients = string.Join(",", Enumerable.Range(1, 6).Select(i => $$"""{"userId":{{5000 + i}},"name":"R{{i}}"}"""));
        var created = await app.CallAsync(app.Http.CreateCampaign, new FunctionCall("POST", "/api/campaigns", $$$"""{"name":"fn","actions":["botMessage"],"message":"Hi {{name}}","recipients":[{{{recipients}}}]}"""));
        Assert.True(created.Status == 202, created.Body);
        var id = created.Json.GetProperty("id").GetString()!;
        Assert.Equal($"/api/campaigns/{id}", created.Header("Location"));

        await WaitForAsync(app, id, s => s.GetProperty("processed").GetInt64() >= 1);
        var paused = await app.CallAsync(app.Http.PauseCampaign, new FunctionCall("POST", $"/api/campaigns/{id}/pause"));
        Assert.True(paused.Status == 200, paused.Body);
        Assert.Equal("paused", paused.Json.GetProperty("status").GetString());

        var resumed = await app.CallAsync(app.Http.ResumeCampaign, new FunctionCall("POST", $"/api/campaigns/{id}/resume"));
        Assert.Equal("running", resumed.Json.GetProperty("status").GetString());

        var done = await WaitForAsync(app, id, s => s.GetProperty("status").GetString() == "completed");
        Assert.Equal(6, done.GetProperty("counts").GetProperty("done").GetInt64());
        var report = await app.CallAsync(app.Http.GetCampaignReport, new FunctionCall("GET", $"/api/campaigns/{id}/report"));
        Assert.Equal(200, report.Status);
        Assert.Empty(report.Json.GetProperty("rows").EnumerateArray());

        var stats = app.Simulator.State.GetStats().Totals;
        Assert.Equal(6, stats.Delivered);
        Assert.Equal(0, stats.Duplicates);
        Assert.Equal(0, stats.RateLimited);

        // The orchestration (run through the orchestration and activity functions) saw the campaign to its end.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Microsoft.DurableTask.Client.OrchestrationMetadata? instance;
        try
        {
            instance = await app.Durable.WaitForInstanceCompletionAsync($"campaign:{TestSettings.ApiKeyTenant}:{id}", getInputsAndOutputs: true, patience.Token);
        }
        catch (OperationCanceledException)
        {
            var now = await app.Durable.GetInstanceAsync($"campaign:{TestSettings.ApiKeyTenant}:{id}", true);
            throw new InvalidOperationException($"{now?.RuntimeStatus} {now?.SerializedCustomStatus} {now?.SerializedInput} {now?.LastUpdatedAt}");
        }

        Assert.True(instance.RuntimeStatus == Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Completed, $"{instance.RuntimeStatus}: {instance.FailureDetails} {instance.SerializedCustomStatus} {instance.SerializedOutput}");
    }

    [Fact(Timeout = 60_000)]
    public async Task Retention_TimerFunction_DeletesCampaignsEndedLongerAgoThanRetentionDays_KeepsTheRest()
    {
        await using var app = await FunctionsApp.StartAsync(azurite, runTicks: false, settings: new Dictionary<string, string?> { ["Herald:Campaigns:RetentionDays"] = "30" });
        var ids = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var created = await app.CallAsync(app.Http.CreateCampaign, new FunctionCall("POST", "/api/campaigns", """{"actions":["botMessage"],"message":"Hi","recipients":[{"userId":7001}]}"""));
            Assert.True(created.Status == 202, created.Body);
            ids.Add(created.Json.GetProperty("id").GetString()!);
            var cancelled = await app.CallAsync(app.Http.CancelCampaign, new FunctionCall("POST", $"/api/campaigns/{ids[^1]}/cancel"));
            Assert.True(cancelled.Status == 200, cancelled.Body);
        }

        // The first ended 31 days ago, the second just now.
        await app.Herald.Services.GetRequiredService<CampaignStore>().UpdateAsync(TestSettings.ApiKeyTenant, ids[0], c =>
        {
            c.EndedAt = DateTimeOffset.UtcNow.AddDays(-31);
            return true;
        });

        Assert.Equal(1, await app.Retention.RetireCampaigns(new TimerInfo(), app.Durable, CancellationToken.None));

        Assert.Equal(404, (await app.CallAsync(app.Http.GetCampaign, new FunctionCall("GET", $"/api/campaigns/{ids[0]}"))).Status);
        Assert.Equal(200, (await app.CallAsync(app.Http.GetCampaign, new FunctionCall("GET", $"/api/campaigns/{ids[1]}"))).Status);
    }

    [Fact(Timeout = 60_000)]
    public async Task Reconciler_TimerFunction_StartsTheOrchestrationOfACampaignCreatedWhileTheTaskHubWasDown_Once()
    {
        await using var app = await FunctionsApp.StartAsync(azurite, runTicks: false, settings: new Dictionary<string, string?> { ["Herald:Durable:ReconcileEvery"] = "00:00:01" });

        // Created through a Durable client that cannot reach its task hub: the create answers, the start is lost.
        using var down = Grpc.Net.Client.GrpcChannel.ForAddress("http://127.0.0.1:9");
        await using var unreachable = new Microsoft.DurableTask.Client.Grpc.GrpcDurableTaskClient(
            "down", new Microsoft.DurableTask.Client.Grpc.GrpcDurableTaskClientOptions { Channel = down }, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        var startAt = DateTimeOffset.UtcNow.AddHours(1).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        var create = new FunctionCall("POST", "/api/campaigns", $$"""{"actions":["botMessage"],"message":"Hi","startAt":"{{startAt}}","recipients":[{"userId":7101}]}""");
        await app.Http.CreateCampaign(create.Request, unreachable);
        Assert.True(create.Status == 202, create.Body);
        var id = create.Json.GetProperty("id").GetString()!;
        var instanceId = $"campaign:{TestSettings.ApiKeyTenant}:{id}";
        Assert.Null(await app.Durable.GetInstanceAsync(instanceId));

        await Task.Delay(TimeSpan.FromSeconds(1.5)); // older than ReconcileEvery: its creator is not about to start it
        Assert.Equal(1, await app.Reconciler.ReconcileOrchestrations(new TimerInfo(), app.Durable, CancellationToken.None));

        var instance = await app.Durable.GetInstanceAsync(instanceId);
        Assert.NotNull(instance);
        Assert.Equal(CampaignInstance.OrchestrationName, instance.Name);
        Assert.True((await app.Herald.Services.GetRequiredService<CampaignStore>().GetAsync(TestSettings.ApiKeyTenant, id))!.Orchestrated);
        Assert.Equal(0, await app.Reconciler.ReconcileOrchestrations(new TimerInfo(), app.Durable, CancellationToken.None));
    }

    [Fact(Timeout = 60_000)]
    public async Task Tick_PoisonedMessage_RetriedThenParkedInTheEnginePoisonQueueOnItsLastDelivery()
    {
        await using var app = await FunctionsApp.StartAsync(azurite, runTicks: false);
        var poison = app.Storage.Poison;

        // Deliveries before the last: the function throws, so the host makes the message visible again.
        var early = QueuesModelFactory.QueueMessage("m-1", "r-1", "not a tick", dequeueCount: 1);
        await Assert.ThrowsAsync<FormatException>(() => app.Ticks.Tick(early, app.Durable, CancellationToken.None));
        Assert.Empty((await poison.PeekMessagesAsync(10)).Value);

        // The last delivery (host.json's maxDequeueCount, the engine's MaxDequeueCount): parked, and the function
        // returns, so the host deletes it instead of moving it to a second poison queue of its own.
        var last = QueuesModelFactory.QueueMessage("m-1", "r-5", "not a tick", dequeueCount: 5);
        await app.Ticks.Tick(last, app.Durable, CancellationToken.None);
        var parked = Assert.Single((await poison.PeekMessagesAsync(10)).Value);
        Assert.Equal("not a tick", parked.MessageText);
    }

    private static async Task<JsonElement> WaitForAsync(FunctionsApp app, string id, Func<JsonElement, bool> until)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var last = default(JsonElement);
        while (!deadline.IsCancellationRequested)
        {
            var call = await app.CallAsync(app.Http.GetCampaign, new FunctionCall("GET", $"/api/campaigns/{id}"));
            last = call.Json;
            if (until(last))
            {
                return last;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Campaign {id} did not get there; last: {last}");
    }
}
