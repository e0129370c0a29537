using System.Text.Json;
using Azure.Data.Tables;
using Herald.Core.Domain;
using Herald.Core.Outcomes;
using Herald.Engine.Model;
using Herald.Engine.Persistence;
using Herald.Engine.Tests.Infrastructure;
using Herald.Testing;
using Herald.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Herald.Engine.Tests;

/// <summary>Per-campaign counters in rows of their own beside the account row, written in one transaction with it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CampaignCounterTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string Tenant = "acme";

    [Fact(Timeout = 120_000)]
    public async Task Commit_OneAccountThroughThousandCampaigns_RowStaysSmallAndEachStatusShowsItsOwnCounts()
    {
        await using var engine = await EngineHarness.StartAsync(azurite, new FakePlatform(), output, workers: false);
        var account = (await engine.RegisterBotsAsync(Tenant, 1))[0];
        var store = engine.Services.GetRequiredService<AccountStore>();
        var counters = engine.Services.GetRequiredService<CounterStore>();
        var campaigns = engine.Services.GetRequiredService<CampaignStore>();
        var storage = engine.Services.GetRequiredService<EngineStorage>();
        var now = TimeProvider.System.GetUtcNow();
        var sizes = new List<int>();
        var ids = new List<string>();
        const int Campaigns = 1000;

        await Parallel.ForEachAsync(Enumerable.Range(0, Campaigns), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            await campaigns.AddAsync(Campaign(i, now), ct));
        for (var i = 0; i < Campaigns; i++)
        {
            // The actor's commit path: the tick reads the counters it changes, and writes them with the row.
            var row = (await store.GetAsync(Tenant, account))!;
            var c = await counters.ForAsync(row, CampaignId(i));
            for (var n = 0; n < Done(i); n++)
            {
                c.CountDone(DoneKind.Messaged, now);
                c.CountTerminal(TargetStatus.Done, null);
            }

            for (var n = 0; n < Failed(i); n++)
            {
                c.CountTerminal(TargetStatus.Failed, "permanent: chat_not_found");
            }

            Assert.True(await store.TryCommitAsync(row, [CampaignId(i)]));
            if (i % 100 == 0)
            {
                sizes.Add(await RowSizeAsync(storage, account));
            }
        }

        sizes.Add(await RowSizeAsync(storage, account));
        output.WriteLine($"account row sizes: {string.Join(", ", sizes)} bytes");
        Assert.True(sizes.Max() < 4096, $"the account row grew to {sizes.Max()} bytes");
        Assert.True(sizes[^1] <= sizes[1] + 64, $"the account row grew from {sizes[1]} to {sizes[^1]} bytes over {Campaigns} campaigns");

        await Parallel.ForEachAsync(Enumerable.Range(0, Campaigns), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var status = (await engine.Status.GetAsync(Tenant, CampaignId(i), ct))!;
            Assert.Equal((Done(i), Failed(i), Done(i) + Failed(i)), (status.Counts.Done, status.Counts.Failed, status.Processed));
            Assert.Equal(Done(i), status.Counts.Messaged);
            Assert.Equal(Failed(i), status.Reasons.GetValueOrDefault("permanent: chat_not_found"));
            Assert.Equal((Done(i), Failed(i)), (status.Accounts.Single().Done, status.Accounts.Single().Failed));
        });
        var view = (await engine.Accounts.GetAsync(Tenant, account))!;
        Assert.Equal(Enumerable.Range(0, Campaigns).Sum(Done), view.ActionsLast15Minutes);
    }

    [Fact(Timeout = 60_000)]
    public async Task Commit_RowChangedSinceRead_WritesNeitherRowNorCounters()
    {
        await using var engine = await EngineHarness.StartAsync(azurite, new FakePlatform(), output, workers: false);
        var account = (await engine.RegisterBotsAsync(Tenant, 1))[0];
        var store = engine.Services.GetRequiredService<AccountStore>();
        var counters = engine.Services.GetRequiredService<CounterStore>();
        await engine.Services.GetRequiredService<CampaignStore>().AddAsync(Campaign(1, TimeProvider.System.GetUtcNow()));

        var fenced = (await store.GetAsync(Tenant, account))!;
        var taker = (await store.GetAsync(Tenant, account))!;
        taker.LeaseId = "another-attempt";
        Assert.True(await store.TryReplaceAsync(taker));
        (await counters.ForAsync(fenced, CampaignId(1))).CountTerminal(TargetStatus.Done, null);

        Assert.False(await store.TryCommitAsync(fenced, [CampaignId(1)]));
        Assert.Empty(await counters.ReadCampaignAsync(Tenant, CampaignId(1)));
        Assert.Equal("another-attempt", (await store.GetAsync(Tenant, account))!.LeaseId);
    }

    [Fact(Timeout = 60_000)]
    public async Task Status_AccountRowWithOldCountersProperty_ShowsThemAndMovesThemOnTheNextCommit()
    {
        await using var engine = await EngineHarness.StartAsync(azurite, new FakePlatform(), output, workers: false);
        var account = (await engine.RegisterBotsAsync(Tenant, 1))[0];
        var store = engine.Services.GetRequiredService<AccountStore>();
        var storage = engine.Services.GetRequiredService<EngineStorage>();
        var now = TimeProvider.System.GetUtcNow();
        await engine.Services.GetRequiredService<CampaignStore>().AddAsync(Campaign(3, now));
        await engine.Services.GetRequiredService<CampaignStore>().AddAsync(Campaign(4, now));
        var old = new Dictionary<string, CampaignCounters>
        {
            [CampaignId(3)] = new() { Done = 2, Messaged = 2, Failed = 1, Minutes = { [now.ToUnixTimeSeconds() / 60] = 2 } },
            [CampaignId(4)] = new() { Done = 3, Messaged = 3, Minutes = { [now.ToUnixTimeSeconds() / 60] = 3 } },
        };
        // A row as the engine wrote it before the counters had rows of their own.
        await storage.Accounts.UpsertEntityAsync(new TableEntity(Tenant, account) { ["Counters"] = JsonSerializer.Serialize(old, EngineJson.Options) });

        Assert.Equal((2, 1), Counts(await engine.Status.GetAsync(Tenant, CampaignId(3))));
        Assert.Equal(5, (await engine.Accounts.GetAsync(Tenant, account))!.ActionsLast15Minutes);

        var row = (await store.GetAsync(Tenant, account))!;
        (await engine.Services.GetRequiredService<CounterStore>().ForAsync(row, CampaignId(3))).CountTerminal(TargetStatus.Failed, "x");
        Assert.True(await store.TryCommitAsync(row, [CampaignId(3)]));

        Assert.Equal((2, 2), Counts(await engine.Status.GetAsync(Tenant, CampaignId(3))));
        Assert.Equal((3, 0), Counts(await engine.Status.GetAsync(Tenant, CampaignId(4))));
        Assert.Equal(5, (await engine.Accounts.GetAsync(Tenant, account))!.ActionsLast15Minutes);
        var stored = (await store.GetAsync(Tenant, account))!;
        Assert.Equal([CampaignId(4)], stored.LegacyCounters.Keys);
    }

    [Fact(Timeout = 120_000)]
    public async Task Run_TwoCampaignsOnOneBot_EachStatusCountsItsOwnAndTheRowHoldsNoCounters()
    {
        var platform = new FakePlatform();
        await using var engine = await EngineHarness.StartAsync(azurite, platform, output);
        var account = (await engine.RegisterBotsAsync(Tenant, 1))[0];
        var storage = engine.Services.GetRequiredService<EngineStorage>();

        var first = await engine.Campaigns.CreateAsync(new(EngineHarness.Broadcast(Tenant), EngineHarness.Recipients(7)));
        var second = await engine.Campaigns.CreateAsync(new(EngineHarness.Broadcast(Tenant), EngineHarness.Recipients(4, offset: 100)));
        var one = await engine.WaitForAsync(Tenant, first.Id, s => s.Status == "completed", TimeSpan.FromSeconds(60));
        var two = await engine.WaitForAsync(Tenant, second.Id, s => s.Status == "completed", TimeSpan.FromSeconds(60));

        Assert.Equal((7, 0), (one.Counts.Done, one.Counts.Failed));
        Assert.Equal((4, 0), (two.Counts.Done, two.Counts.Failed));
        Assert.Equal(7, one.Accounts.Single().Done);
        Assert.Equal(11, platform.Calls.Count);
        var entity = (await storage.Accounts.GetEntityAsync<TableEntity>(Tenant, account)).Value;
        Assert.False(entity.ContainsKey("Counters"));
        Assert.Equal(11, (await engine.Accounts.GetAsync(Tenant, account))!.ActionsLast15Minutes);
        Assert.Single(await engine.Accounts.ListAsync(Tenant));
    }

    private static (long Done, long Failed) Counts(Campaigns.CampaignStatusView? status) => (status!.Counts.Done, status.Counts.Failed);

    private static string CampaignId(int i) => $"c{i:D5}";

    private static int Done(int i) => i % 7;

    private static int Failed(int i) => i % 3;

    private static CampaignRecord Campaign(int i, DateTimeOffset now) => new()
    {
        Campaign = EngineHarness.Broadcast(Tenant) with { Id = CampaignId(i) },
        Status = CampaignStatus.Completed,
        Total = Math.Max(1, Done(i) + Failed(i)),
        CreatedAt = now,
        EndedAt = now,
    };

    private static async Task<int> RowSizeAsync(EngineStorage storage, string account)
    {
        var e = (await storage.Accounts.GetEntityAsync<TableEntity>(Tenant, account)).Value;
        return e.Where(p => p.Key is not ("odata.etag" or "Timestamp")).Sum(p => p.Key.Length + (p.Value?.ToString()?.Length ?? 0));
    }
}
