using Herald.Engine.Lanes;
using Herald.Engine.Model;
using Herald.Engine.Persistence;
using Herald.Engine.Tests.Infrastructure;
using Herald.Platforms.Abstractions;
using Herald.Testing;
using Herald.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Herald.Engine.Tests;

/// <summary>The account actor's transactional lane over Azurite: single messages at most once across a dead attempt, never lost.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TransactionalLaneTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact(Timeout = 60_000)]
    public async Task Drain_DeadAttemptLeftMessagesSending_StartedOneUnknownNeverResent_OthersSentOnce()
    {
        var singles = new FakeSingleMessages();
        await using var engine = await EngineHarness.StartAsync(azurite, new FakePlatform(), output, singleMessages: singles);
        var tenant = "lane-" + EngineHarness.NewPrefix();
        var bot = (await engine.RegisterBotsAsync(tenant, 1))[0];
        var store = engine.Services.GetRequiredService<LaneStore>();
        var queue = engine.Services.GetRequiredService<SingleMessageQueue>();
        var now = DateTimeOffset.UtcNow;

        // A worker died in the middle of its turn: one message was marked started (its call may have gone out), one not yet.
        var inFlight = Dead(tenant, bot, "1", now, started: true);
        var claimedOnly = Dead(tenant, bot, "2", now, started: false);
        await store.AddAsync(inFlight);
        await store.AddAsync(claimedOnly);
        var fresh = await queue.EnqueueAsync(tenant, bot, SingleMessageQueue.RowFor(now.AddSeconds(1), "m3"), "m3", new SingleMessageCommand(SingleMessageKind.Send, "303", "three"));

        var rows = new List<LaneMessage>();
        for (var looks = 0; rows.Count < 3 || rows.Any(r => !r.IsTerminal); looks++)
        {
            Assert.True(looks < 300, $"the lane did not drain: {string.Join(", ", rows.Select(r => r.Status))}");
            await Task.Delay(100);
            rows = [.. (await Task.WhenAll(new[] { inFlight, claimedOnly, fresh }.Select(m => store.GetAsync(tenant, bot, m.RowKey)))).Select(r => r!)];
        }

        Assert.Equal([LaneStatus.Unknown, LaneStatus.Done, LaneStatus.Done], rows.Select(r => r.Status));
        Assert.Equal(["202", "303"], singles.Calls.Select(c => c.ChatId).Order());
        Assert.All(rows, r => Assert.Null(r.Command.Text)); // the text is gone once the message is terminal
        Assert.All(rows.Skip(1), r => Assert.True(r.PlatformMessageId > 0));
    }

    private static LaneMessage Dead(string tenant, string bot, string n, DateTimeOffset at, bool started) => new()
    {
        TenantId = tenant,
        AccountId = bot,
        RowKey = SingleMessageQueue.RowFor(at, "m" + n),
        MessageId = "m" + n,
        Command = new SingleMessageCommand(SingleMessageKind.Send, n + "0" + n, "text " + n),
        Status = LaneStatus.Sending,
        Attempt = "dead-attempt",
        Started = started,
        EnqueuedAt = at,
    };
}
