using Herald.Platforms.TelegramBot;

namespace Herald.Platforms.Tests.TelegramBot;

public sealed class BotSendWindowTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Earliest_SendsHeldUpAtRandom_NeverMoreThan30InAnySecond_AndTheLostTimeIsMadeUp()
    {
        var window = new BotSendWindow(30);
        var random = new Random(7);
        var now = T0;
        var starts = new List<DateTimeOffset>();
        for (var i = 0; i < 9_000; i++)
        {
            // The sender is ready again a little after each send, now and then much later (a slow storage write).
            now += TimeSpan.FromMilliseconds(random.Next(50) == 0 ? random.Next(40, 120) : random.Next(0, 5));
            var start = window.Earliest(now);
            Assert.True(start >= now, "a send released before it asked");
            window.Take(start);
            starts.Add(start);
            now = start;
        }

        for (var i = 30; i < starts.Count; i++)
        {
            Assert.True(starts[i] - starts[i - 30] >= TimeSpan.FromSeconds(1) + BotSendWindow.Margin, $"31 sends within {(starts[i] - starts[i - 30]).TotalMilliseconds} ms");
            Assert.True(starts[i] - starts[i - 1] >= TimeSpan.FromMilliseconds(16.6), "two sends closer than half the even spacing");
        }

        // Even spacing (33.4 ms) would have lost every hold-up: here 9,000 sends take what the window allows.
        var rate = (starts.Count - 1) / (starts[^1] - starts[0]).TotalSeconds;
        Assert.True(rate >= 0.98 * 30, $"{rate:F2} sends/s");
    }

    [Fact]
    public void Earliest_AfterAHoldUp_TheNextSendsCatchUpAtHalfTheSpacing()
    {
        var window = new BotSendWindow(30);
        window.Take(T0);
        var late = T0 + TimeSpan.FromMilliseconds(100);

        var next = window.Earliest(late);
        window.Take(next);
        var after = window.Earliest(next);

        Assert.Equal(late, next);
        Assert.InRange((after - next).TotalMilliseconds, 16.6, 16.8);
    }

    [Fact]
    public void Earliest_OnePerSecondOrSlower_EvenSpacing()
    {
        var window = new BotSendWindow(0.5);
        window.Take(T0);

        Assert.Equal(T0 + TimeSpan.FromSeconds(2) + BotSendWindow.Margin, window.Earliest(T0));
    }
}
