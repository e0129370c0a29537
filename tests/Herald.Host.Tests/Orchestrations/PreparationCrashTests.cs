using System.Globalization;
using Herald.Engine.Campaigns;
using Herald.Engine.Persistence;
using Herald.Host.Tests.Infrastructure;
using Herald.Testing;
using Herald.Testing.Processes;

namespace Herald.Host.Tests.Orchestrations;

/// <summary>
/// A large import prepared by the orchestration's fan-out in a worker process that is SIGKILLed mid-way: the next
/// worker resumes the orchestration from its history and every target is written once.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PreparationCrashTests(AzuriteFixture azurite, ITestOutputHelper output) : IDisposable
{
    private const int Rows = 20_000;

    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact(Timeout = 180_000)]
    public async Task Preparation_WorkerKilledMidway_NextWorkerWritesEveryTargetOnce()
    {
        // This process serves the API only; the orchestrations run in the worker processes.
        await using var api = await EngineApiHost.StartAsync(azurite, output, o =>
        {
            o.Workers = false;
            o.Settings["Herald:Durable:PrepareChunk"] = "1000";
            o.Settings["Herald:Durable:ChunksAtOnce"] = "2";
        });
        var tenant = EngineApiHost.NewTenant();
        var client = api.Client(tenant);
        await client.RegisterBotAsync(EngineApiHost.NewBotToken());
        var importId = await client.UploadUserIdsAsync(Rows);
        var startAt = DateTimeOffset.UtcNow.AddDays(1).ToString("O", CultureInfo.InvariantCulture); // nothing is sent: only the preparation counts
        var created = await client.CreateCampaignAsync($$$"""{"actions":["botMessage"],"message":"Hi {{name}}","importId":"{{{importId}}}","startAt":"{{{startAt}}}"}""");
        var id = created.Str("id");
        var campaigns = api.Services.GetRequiredService<CampaignService>();
        Assert.Equal("preparing", created.Str("status"));

        await using (var first = await StartWorkerAsync(api))
        {
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while ((await campaigns.GetAsync(tenant, id))!.Prepared < 3000 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            await first.KillAsync();
        }

        var killed = (await campaigns.GetAsync(tenant, id))!;
        output.WriteLine($"killed with {killed.Prepared} of {Rows} prepared");
        Assert.True(killed.Preparing, "the preparation had ended before the worker was killed");
        await using var second = await StartWorkerAsync(api);
        var until = DateTime.UtcNow.AddSeconds(120);
        while ((await campaigns.GetAsync(tenant, id))!.Preparing && DateTime.UtcNow < until)
        {
            await Task.Delay(250);
        }

        var prepared = (await client.WaitForCampaignAsync(id, _ => true));
        var targets = new List<Engine.Model.TargetRecord>();
        await foreach (var target in api.Services.GetRequiredService<TargetStore>().QueryAsync(tenant, id))
        {
            targets.Add(target);
        }

        Assert.Equal("scheduled", prepared.Str("status"));
        Assert.Equal(Rows, prepared.GetProperty("total").GetInt32());
        Assert.Equal(Rows, targets.Count);
        Assert.Equal(Rows, targets.Select(t => t.Recipient.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.All(targets, t => Assert.Equal(Core.Domain.TargetStatus.Pending, t.Status));
        Assert.Equal(0, await second.StopAsync(TimeSpan.FromSeconds(30)));
    }

    private Task<ChildProcess> StartWorkerAsync(EngineApiHost api) => HeraldProcess.StartAsync(
        [
            "worker", "--environment", "Development",
            "--Herald:Development:StartAzurite=false", "--Herald:Development:StartSimulator=false",
            $"--Herald:Storage:ConnectionString={azurite.ConnectionString}",
            $"--Herald:Platforms:TelegramBot:BaseUrl={api.Simulator.BaseUri}",
            $"--Herald:DataDirectory={_data.Path}",
            $"--Herald:Engine:NamePrefix={api.Prefix}",
            $"--Herald:Durable:TaskHubName={api.Prefix}",
            "--Herald:Durable:PartitionCount=1",
            "--Herald:Durable:PartitionLease=00:00:06",
            "--Herald:Durable:MessageVisibility=00:00:10",
            "--Herald:Durable:MaxPollInterval=00:00:00.500",
        ],
        output);
}
