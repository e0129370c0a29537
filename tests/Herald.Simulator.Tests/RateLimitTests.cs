using System.Net.Http.Json;

namespace Herald.Simulator.Tests;

public sealed class RateLimitTests
{
    [Fact(Timeout = 60_000)]
    public async Task SendMessage_FourthInABurstToOneChat_Answers429InTelegramsExactShape()
    {
        await using var sim = await SimulatorSession.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(200, (await sim.SendAsync(42, $"burst {i}")).Status);
        }

        var (status, body) = await sim.CallRawAsync("sendMessage", new { chat_id = 42, text = "one too many" });

        Assert.Equal(429, status);
        Assert.Equal("""{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 1","parameters":{"retry_after":1}}""", body);
        Assert.Equal(200, (await sim.SendAsync(43, "another chat is not affected")).Status);
        sim.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(200, (await sim.SendAsync(42, "after retry_after")).Status);
        Assert.Equal(200, (await sim.SendAsync(43, "second to 43 is still inside its burst")).Status);
        var stats = sim.State.GetStats();
        Assert.Equal((6L, 1L), (stats.Totals.Delivered, stats.Totals.RateLimited));
        Assert.Equal(1, stats.Bots[0].Errors["429"]);
    }

    [Fact(Timeout = 60_000)]
    public async Task SendMessage_OneMessagePerSecondToOneChat_IsNeverLimited()
    {
        await using var sim = await SimulatorSession.StartAsync();

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(200, (await sim.SendAsync(42, $"paced {i}")).Status);
            sim.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(0, sim.State.GetStats().Totals.RateLimited);
    }

    [Fact(Timeout = 60_000)]
    public async Task SendMessage_ThirtyFirstInOneSecond_Answers429UntilATokenRefills()
    {
        await using var sim = await SimulatorSession.StartAsync();
        for (var chat = 1; chat <= 30; chat++)
        {
            Assert.Equal(200, (await sim.SendAsync(chat, "broadcast")).Status);
        }

        var (status, body) = await sim.SendAsync(31, "broadcast");
        sim.Clock.Advance(TimeSpan.FromTicks((TimeSpan.TicksPerSecond / 30) + 1));
        var (afterStatus, _) = await sim.SendAsync(31, "broadcast");
        var (againStatus, _) = await sim.SendAsync(32, "broadcast");

        Assert.Equal(429, status);
        Assert.Equal(1, body.GetProperty("parameters").GetProperty("retry_after").GetInt32());
        Assert.Equal("Too Many Requests: retry after 1", body.GetProperty("description").GetString());
        Assert.Equal(200, afterStatus);
        Assert.Equal(429, againStatus);
    }

    [Fact(Timeout = 60_000)]
    public async Task SendMessage_TwentyFirstInAMinuteToAGroup_Answers429UntilTheWindowFrees()
    {
        const long group = -1001234567890;
        await using var sim = await SimulatorSession.StartAsync();
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(200, (await sim.SendAsync(group, $"group {i}")).Status);
            sim.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        // Sent at t = 0..19 s; now t = 20 s: the window (t - 60 s, t] frees when t = 0 leaves, at 60 s.
        var (status, body) = await sim.SendAsync(group, "group 20");
        sim.Clock.Advance(TimeSpan.FromSeconds(39));
        var (earlyStatus, _) = await sim.SendAsync(group, "group 20");
        sim.Clock.Advance(TimeSpan.FromSeconds(1));
        var (onTimeStatus, _) = await sim.SendAsync(group, "group 20");

        Assert.Equal(429, status);
        Assert.Equal(40, body.GetProperty("parameters").GetProperty("retry_after").GetInt32());
        Assert.Equal(429, earlyStatus);
        Assert.Equal(200, onTimeStatus);
        Assert.Equal(21, sim.State.GetDeliveries(chatId: group).Count);
    }

    [Fact(Timeout = 60_000)]
    public async Task SendMessage_LimitsArePerBot()
    {
        const string otherToken = "777:other-bot-token";
        await using var sim = await SimulatorSession.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            await sim.SendAsync(42, $"m{i}");
        }

        Assert.Equal(429, (await sim.SendAsync(42, "m3")).Status);
        Assert.Equal(200, (await sim.SendAsync(42, "m3", otherToken)).Status);
    }

    [Fact(Timeout = 60_000)]
    public async Task Configure_LowerLimitsAtRuntime_ApplyToTheNextSend()
    {
        await using var sim = await SimulatorSession.StartAsync();
        sim.State.Configure(o => o.ChatBurst = 1);

        Assert.Equal(200, (await sim.SendAsync(42, "a")).Status);
        Assert.Equal(429, (await sim.SendAsync(42, "b")).Status);
    }

    [Fact(Timeout = 60_000)]
    public async Task ForcedRetryAfter_NextTwoSends_Answer429AndCountASendDuringTheWait()
    {
        await using var sim = await SimulatorSession.StartAsync();
        using var force = await sim.Http.PostAsJsonAsync($"_sim/bots/{SimulatorSession.BotId}/retry-after", new { count = 2, retryAfter = 7 });

        var (first, body) = await sim.CallRawAsync("sendMessage", new { chat_id = 1, text = "forced" });
        sim.Clock.Advance(TimeSpan.FromSeconds(3));
        var (early, earlyBody) = await sim.SendAsync(2, "during the wait");
        sim.Clock.Advance(TimeSpan.FromSeconds(4));
        var (second, _) = await sim.SendAsync(2, "after the wait");
        sim.Clock.Advance(TimeSpan.FromSeconds(7));
        var (third, _) = await sim.SendAsync(2, "after the second wait");
        var forced = await sim.Http.GetFromJsonAsync<ForcedRetryAfterStats>($"_sim/bots/{SimulatorSession.BotId}/retry-after");

        Assert.Equal(204, (int)force.StatusCode);
        Assert.Equal(429, first);
        Assert.Equal("""{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 7","parameters":{"retry_after":7}}""", body);
        Assert.Equal(429, early);
        Assert.Equal(4, earlyBody.GetProperty("parameters").GetProperty("retry_after").GetInt32());
        Assert.Equal(429, second);
        Assert.Equal(200, third);
        Assert.Equal(new ForcedRetryAfterStats(2, 0, 1), forced);
        Assert.Equal(3, sim.State.GetStats().Totals.RateLimited);
    }
}
