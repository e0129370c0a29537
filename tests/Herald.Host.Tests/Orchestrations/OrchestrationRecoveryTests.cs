using System.Globalization;
using Herald.Core.Domain;
using Herald.Engine.Model;
using Herald.Engine.Orchestrations;
using Herald.Host.Tests.Infrastructure;
using Herald.Testing;
using Herald.Testing.Fakes;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Herald.Host.Tests.Orchestrations;

/// <summary>
/// A campaign's orchestration when things go wrong, through the in-process sidecar on the collection's Azurite: a start
/// that was lost (the task hub was down when the campaign was created) is made good by the reconciler, and an activity
/// that fails past its retries ends the campaign with an error its status shows, once, without a loop.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OrchestrationRecoveryTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact(Timeout = 90_000)]
    public async Task LostStart_ScheduledCampaign_ReconcilerStartsItsOrchestrationOnceAndItCompletes()
    {
        var platform = new FakePlatform();
        var lifecycle = default(LosesFirstStart);
        await using var host = await EngineApiHost.StartAsync(azurite, output, o =>
        {
            o.Platform = platform;
            o.Settings["Herald:Durable:LookEvery"] = "00:00:02";
            o.Settings["Herald:Durable:ReconcileEvery"] = "00:00:02";
            o.Services = services => services.Replace(ServiceDescriptor.Singleton<ICampaignLifecycle>(sp =>
                lifecycle = new LosesFirstStart(ActivatorUtilities.CreateInstance<DurableCampaignLifecycle>(sp))));
        });
        var tenant = EngineApiHost.NewTenant();
        var client = host.Client(tenant);
        await client.RegisterBotAsync(EngineApiHost.NewBotToken());
        var startAt = DateTimeOffset.UtcNow.AddSeconds(3);

        var id = (await client.CreateCampaignAsync(Broadcast(10, startAt))).Str("id");
        var instanceId = CampaignInstance.IdOf(tenant, id);
        var durable = host.Services.GetRequiredService<DurableTaskClient>();

        Assert.Null(await durable.GetInstanceAsync(instanceId));
        Assert.Equal(1, lifecycle!.Lost);
        using var end = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await durable.GetInstanceAsync(instanceId, end.Token) is null)
        {
            await Task.Delay(250, end.Token);
        }

        var ended = await durable.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, end.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, ended.RuntimeStatus);
        Assert.Equal(("completed", 10L), (ended.ReadOutputAs<CampaignSummary>()!.Status, ended.ReadOutputAs<CampaignSummary>()!.Done));
        Assert.Equal("completed", (await client.WaitForCampaignAsync(id, _ => true)).Str("status"));
        Assert.Equal(10, platform.Calls.Count);
        Assert.Empty(platform.DuplicatedRecipients);
        Assert.All(platform.Calls, c => Assert.True(c.StartedAt >= startAt, $"acted at {c.StartedAt:O}, before its start {startAt:O}"));
        Assert.Single(host.Logs.Records, r => r.Contains($"Campaign {tenant}/{id} had no orchestration", StringComparison.Ordinal));
        Assert.Single(host.Logs.Records, r => r.Contains($"orchestration {instanceId} started", StringComparison.Ordinal));
        Assert.Single(host.Logs.Records, r => r.Contains($"Scheduled campaign {tenant}/{id} started", StringComparison.Ordinal));
        var row = (await host.Services.GetRequiredService<Engine.Persistence.CampaignStore>().GetAsync(tenant, id))!;
        Assert.True(row.Orchestrated);
    }

    [Fact(Timeout = 90_000)]
    public async Task PoisonedActivity_FailsPastItsRetries_CampaignEndsWithTheErrorAndNothingRetriesIt()
    {
        var platform = new FakePlatform();
        var source = new UnreadableRecipients();
        await using var host = await EngineApiHost.StartAsync(azurite, output, o =>
        {
            o.Platform = platform;
            o.Settings["Herald:Campaigns:BackgroundAbove"] = "10";
            o.Settings["Herald:Durable:ReconcileEvery"] = "00:00:01";
            o.Services = services => services.Replace(ServiceDescriptor.Singleton<IRecipientSource>(source));
        });
        var tenant = EngineApiHost.NewTenant();
        var client = host.Client(tenant);
        await client.RegisterBotAsync(EngineApiHost.NewBotToken());
        var importId = await client.UploadUserIdsAsync(40);
        var created = await client.CreateCampaignAsync($$$"""{"actions":["botMessage"],"message":"Hi {{name}}","importId":"{{{importId}}}"}""");
        var id = created.Str("id");

        var failed = await client.WaitForCampaignAsync(id, s => s.Str("status") != "preparing", TimeSpan.FromSeconds(60));

        Assert.Equal("preparing", created.Str("status"));
        Assert.Equal("cancelled", failed.Str("status"));
        var error = failed.Str("error");
        Assert.Contains(nameof(PlanPreparationActivity), error, StringComparison.Ordinal);
        Assert.Contains(UnreadableRecipients.Message, error, StringComparison.Ordinal);
        Assert.Equal(40, failed.GetProperty("counts").GetProperty("cancelled").GetInt64());
        var durable = host.Services.GetRequiredService<DurableTaskClient>();
        using var end = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var instance = await durable.WaitForInstanceCompletionAsync(CampaignInstance.IdOf(tenant, id), getInputsAndOutputs: true, end.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, instance.RuntimeStatus);
        Assert.Equal(("failed", error), (instance.ReadCustomStatusAs<CampaignProgress>()!.Status, instance.ReadCustomStatusAs<CampaignProgress>()!.Error));
        var attempts = source.Reads;
        Assert.Equal(5, attempts); // the activity's retry policy, and no more

        await Task.Delay(TimeSpan.FromSeconds(4)); // four rounds of the reconciler, and any retry there would be
        Assert.Equal(attempts, source.Reads);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, (await durable.GetInstanceAsync(CampaignInstance.IdOf(tenant, id)))!.RuntimeStatus);
        Assert.Equal("cancelled", (await client.WaitForCampaignAsync(id, _ => true)).Str("status"));
        Assert.Empty(platform.Calls);
        Assert.Single(host.Logs.Records, r => r.Contains($"Campaign {tenant}/{id}: its orchestration failed", StringComparison.Ordinal));
    }

    private static string Broadcast(int recipients, DateTimeOffset startAt)
    {
        var list = string.Join(',', Enumerable.Range(0, recipients).Select(i => $$"""{"userId":{{820_000 + i}},"name":"User {{i}}"}"""));
        return $$$"""{"actions":["botMessage"],"message":"Hi {{name}}","startAt":"{{{startAt.ToString("O", CultureInfo.InvariantCulture)}}}","recipients":[{{{list}}}]}""";
    }

    /// <summary>The real lifecycle, but the first start is lost as when the task hub cannot be reached (logged, swallowed).</summary>
    private sealed class LosesFirstStart(ICampaignLifecycle inner) : ICampaignLifecycle
    {
        private int _lost;

        public int Lost => Volatile.Read(ref _lost);

        public Task StartAsync(CampaignRecord campaign, CancellationToken cancellationToken = default) =>
            Interlocked.CompareExchange(ref _lost, 1, 0) == 0 ? Task.CompletedTask : inner.StartAsync(campaign, cancellationToken);

        public Task SignalAsync(string tenantId, string campaignId, CampaignSignal signal, CancellationToken cancellationToken = default) =>
            inner.SignalAsync(tenantId, campaignId, signal, cancellationToken);

        public Task ForgetAsync(string tenantId, string campaignId, CancellationToken cancellationToken = default) =>
            inner.ForgetAsync(tenantId, campaignId, cancellationToken);
    }

    /// <summary>A recipient source that always fails (its store broke): the preparation's activities are poisoned.</summary>
    private sealed class UnreadableRecipients : IRecipientSource
    {
        public const string Message = "The import store answered 500.";

        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public Task<int?> CountAsync(CampaignRecord campaign, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _reads);
            throw new InvalidOperationException(Message);
        }

        public Task<IReadOnlyList<Recipient>?> ReadAsync(CampaignRecord campaign, int offset, int count, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _reads);
            throw new InvalidOperationException(Message);
        }
    }
}
