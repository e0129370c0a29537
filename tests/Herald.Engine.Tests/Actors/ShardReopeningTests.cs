using Herald.Core.Domain;
using Herald.Core.Outcomes;
using Herald.Engine.Persistence;
using Herald.Engine.Tests.Infrastructure;
using Herald.Testing;
using Herald.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Herald.Engine.Tests.Actors;

/// <summary>Targets a tick hands back to pending can be claimed by the other accounts at once (the campaign's last stretch).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ShardReopeningTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string Tenant = "acme";
    private const int Recipients = 40;

    [Fact(Timeout = 60_000)]
    public async Task HandBack_ShardFoundEmptyWhileTheTickHeldIt_ShardIsOpenAgainAndAnotherAccountFinishes()
    {
        CampaignStore? store = null;
        string? campaignId = null;
        var shards = 0;
        var flooded = -1;
        var platform = new FakePlatform();
        platform.Script = (account, action) =>
        {
            if (account.AccountId != "bot000")
            {
                return new ActionOutcome.Done(DoneKind.Messaged);
            }

            // While this bot holds every target of its shard, another account finds the shard empty and marks it so;
            // then this bot is flood-waited, and the rest of its batch goes back to pending.
            var shard = (int)((action.Recipient.UserId!.Value - 100_000) % shards);
            Interlocked.CompareExchange(ref flooded, shard, -1);
            Task.Run(() => store!.UpdateAsync(Tenant, campaignId!, c => c.SetExhausted(shard, true))).GetAwaiter().GetResult();
            return new ActionOutcome.RateLimited(TimeSpan.FromMinutes(5));
        };
        await using var engine = await EngineHarness.StartAsync(azurite, platform, output, configure: o => o.TargetsPerShard = 10);
        store = engine.Services.GetRequiredService<CampaignStore>();
        var accounts = engine.Services.GetRequiredService<AccountStore>();
        await engine.RegisterBotsAsync(Tenant, 1);
        var created = await engine.Campaigns.CreateAsync(new(EngineHarness.Broadcast(Tenant), EngineHarness.Recipients(Recipients)));
        shards = created.Shards;
        campaignId = created.Id;
        Assert.Equal(4, shards);

        // The flood-waited tick has ended (its lease released) once the bot called the platform and rests.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (platform.Started == 0 || (await accounts.GetAsync(Tenant, "bot000"))!.LeaseId is not null)
        {
            Assert.True(DateTime.UtcNow < deadline, "the bot's tick did not end");
            await Task.Delay(100);
        }

        var row = await store.GetAsync(Tenant, created.Id);
        var targets = await engine.AllTargetsAsync(Tenant, created.Id);
        Assert.Equal(1, platform.Started);
        Assert.Equal(10, targets.Count(t => t.Shard == flooded && t.Status == TargetStatus.Pending));
        Assert.False(row!.IsExhausted(flooded), $"shard {flooded} holds pending targets but is marked empty ({row.Exhausted}): no account claims them");

        await engine.Accounts.RegisterAsync(new Accounts.NewAccount(Tenant, "late", PlatformKind.Telegram, AccountKind.Bot, "ref-late"));
        var done = await engine.WaitForAsync(Tenant, created.Id, s => s.Status == "completed", TimeSpan.FromSeconds(30));
        Assert.Equal(Recipients, done.Counts.Done);
        Assert.Empty(platform.DuplicatedRecipients);
    }
}
