using Herald.Core.Outcomes;
using Herald.Platforms.Tests.Support;
using Microsoft.Extensions.Time.Testing;
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

    [Fact(Timeout = 90_000)]
    public async Task ExecuteAsync_5000RecipientsOverTwoNumbersOnTier2000_Exactly4000InTheFirst24Hours()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var start = clock.GetUtcNow();
        await using var host = await WhatsAppTestHost.StartAsync(output, s => s.DefaultTier = 2000, o => o.DefaultTier = 2000, clock);
        var numbers = new[] { await host.NumberAsync("111111111111111"), await host.NumberAsync("222222222222222") };
        var restingUntil = new DateTimeOffset[numbers.Length];
        var step = TimeSpan.FromSeconds(1 / 80.0);

        // Plays the engine's part in virtual time: each recipient goes to the next number not resting; a number told
        // to wait rests until then; when both rest, time jumps to the first one's end.
        var next = 0;
        var rateLimited = 0;
        for (var i = 0; i < 5000; i++)
        {
            while (true)
            {
                var free = Enumerable.Range(0, numbers.Length).Select(k => (next + k) % numbers.Length).Where(k => restingUntil[k] <= clock.GetUtcNow()).ToList();
                if (free.Count == 0)
                {
                    clock.Advance(restingUntil.Min() - clock.GetUtcNow());
                    continue;
                }

                var n = free[0];
                next = n + 1;
                clock.Advance(step);
                var outcome = await host.Platform.ExecuteAsync(numbers[n], WhatsAppTestHost.Message($"+49160{i:D8}", "template:hello_world:en_US"));
                if (outcome is ActionOutcome.RateLimited limited)
                {
                    rateLimited++;
                    restingUntil[n] = clock.GetUtcNow() + limited.RetryAfter;
                    continue;
                }

                Assert.IsType<ActionOutcome.Done>(outcome);
                break;
            }
        }

        var sent = host.Sim.GetDeliveries();
        Assert.Equal(4000, sent.Count(d => d.At < start + TimeSpan.FromHours(24)));
        Assert.Equal(5000, sent.Select(d => d.To).Distinct().Count());
        Assert.All(sent.GroupBy(d => d.PhoneNumberId), g => Assert.Equal(2000, g.Count(d => d.At < start + TimeSpan.FromHours(24))));
        Assert.Equal(2, rateLimited);
        Assert.Equal((0, 0), (host.Sim.GetStats().Throughput429, host.Sim.GetStats().TierViolations));
    }
}
