using Herald.Core.Outcomes;
using Herald.Platforms.Tests.Support;
using Xunit.Abstractions;

namespace Herald.Platforms.Tests.WhatsAppCloud;

/// <summary>The adapter keeps a number under its throughput and its messaging tier, against the simulator's enforcement.</summary>
public sealed class WhatsAppCloudLimitTests(ITestOutputHelper output)
{
    [Fact(Timeout = 60_000)]
    public async Task ExecuteAsync_MoreRecipientsThanTheTier_StopsAtTheTierWithoutAViolation()
    {
        await using var host = await WhatsAppTestHost.StartAsync(
            output,
            s => s.MessagesPerSecond = 1000,
            o =>
            {
                o.MessagesPerSecond = 1000;
                o.Tiers[WhatsAppTestHost.PhoneNumberId] = 250;
            });
        var number = await host.NumberAsync();

        var outcomes = new List<ActionOutcome>();
        for (var i = 0; i < 251; i++)
        {
            outcomes.Add(await host.Platform.ExecuteAsync(number, WhatsAppTestHost.Message($"+49151{i:D8}", "hi")));
        }

        var again = await host.Platform.ExecuteAsync(number, WhatsAppTestHost.Message("+4915100000007", "again"));

        Assert.Equal(250, outcomes.Count(o => o is ActionOutcome.Done));
        var limited = Assert.IsType<ActionOutcome.RateLimited>(outcomes[^1]);
        Assert.InRange(limited.RetryAfter, TimeSpan.FromHours(23), TimeSpan.FromHours(24));
        Assert.IsType<ActionOutcome.Done>(again); // a recipient already in the window costs nothing more
        Assert.Equal(251, host.Sim.GetStats().Accepted);
        Assert.Equal(0, host.Sim.GetStats().TierViolations);
        Assert.Equal(250, host.Platform.RecipientsInWindow(WhatsAppTestHost.PhoneNumberId));
    }

    [Fact(Timeout = 60_000)]
    public async Task ExecuteAsync_ManyConcurrentSends_NeverHitTheThroughputLimit()
    {
        await using var host = await WhatsAppTestHost.StartAsync(output, configure: o => o.DefaultTier = null);
        var number = await host.NumberAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            host.Platform.ExecuteAsync(number, WhatsAppTestHost.Message($"+49152{i:D8}", "hi"))));

        Assert.All(outcomes, o => Assert.IsType<ActionOutcome.Done>(o));
        Assert.Equal(0, host.Sim.GetStats().Throughput429);
        Assert.Equal(200, host.Sim.GetDeliveries().Select(d => d.To).Distinct().Count());
    }
}
