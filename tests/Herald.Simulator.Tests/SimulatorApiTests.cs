using System.Net.Http.Json;
using System.Text.Json;

namespace Herald.Simulator.Tests;

public sealed class SimulatorApiTests
{
    [Fact(Timeout = 60_000)]
    public async Task Stats_SameTextTwiceToOneChat_CountsDuplicatesPerBotAndAcrossBots()
    {
        const string otherToken = "888:second-bot";
        await using var sim = await SimulatorSession.StartAsync();
        await sim.SendAsync(1, "promo");
        await sim.SendAsync(2, "promo");
        sim.Clock.Advance(TimeSpan.FromSeconds(1));
        await sim.SendAsync(1, "promo");
        await sim.SendAsync(2, "promo", otherToken);
        await sim.SendAsync(3, "hello");
        await sim.SendAsync(3, "different text");

        var stats = await sim.Http.GetFromJsonAsync<SimulatorStats>("_sim/stats");

        Assert.NotNull(stats);
        Assert.Equal(6, stats.Totals.Delivered);
        // Chat 1 got "promo" twice from one bot, chat 2 from two bots: two duplicates, two recipients.
        Assert.Equal((2L, 2L), (stats.Totals.Duplicates, stats.Totals.DuplicateRecipients));
        Assert.Equal(3, stats.Totals.MultiMessageChats);
        var first = stats.Bots.Single(b => b.BotId == SimulatorSession.BotId);
        var second = stats.Bots.Single(b => b.BotId == 888);
        Assert.Equal((1L, 1L, 2L), (first.Duplicates, first.DuplicateRecipients, first.MultiMessageChats));
        Assert.Equal((0L, 1L), (second.Duplicates, second.Delivered));
    }

    [Fact(Timeout = 60_000)]
    public async Task Deliveries_FilteredAndPaged_ReturnsTheRightSlice()
    {
        await using var sim = await SimulatorSession.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            await sim.SendAsync(10, $"ten {i}");
            await sim.SendAsync(20, $"twenty {i}");
            sim.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var page = await sim.Http.GetFromJsonAsync<DeliveryPage>($"_sim/deliveries?bot={SimulatorSession.BotId}&chat=20&offset=1&limit=2");
        var otherBot = await sim.Http.GetFromJsonAsync<DeliveryPage>("_sim/deliveries?bot=1");
        var tail = await sim.Http.GetFromJsonAsync<DeliveryPage>("_sim/deliveries?offset=8&limit=5");
        var beyond = await sim.Http.GetFromJsonAsync<DeliveryPage>("_sim/deliveries?offset=20");
        using var tooBig = await sim.Http.GetAsync("_sim/deliveries?limit=5000");

        Assert.NotNull(page);
        Assert.Equal(5, page.Total);
        Assert.Equal(["twenty 1", "twenty 2"], page.Items.Select(d => d.Text));
        Assert.Equal(0, otherBot!.Total);
        Assert.Equal(10, tail!.Total);
        Assert.Equal([9L, 10L], tail.Items.Select(d => d.Sequence));
        Assert.Empty(beyond!.Items);
        Assert.Equal(400, (int)tooBig.StatusCode);
    }

    [Fact(Timeout = 60_000)]
    public async Task Reset_ForgetsDeliveriesAndLimitsButKeepsTheScenario()
    {
        await using var sim = await SimulatorSession.StartAsync(new SimulatorOptions { BlockedUsers = [9] });
        for (var i = 0; i < 3; i++)
        {
            await sim.SendAsync(42, $"m{i}");
        }

        using var reset = await sim.Http.PostAsync("_sim/reset", null);

        Assert.Equal(204, (int)reset.StatusCode);
        Assert.Empty(sim.State.GetDeliveries());
        Assert.Equal(200, (await sim.SendAsync(42, "fresh bucket")).Status);
        Assert.Equal(403, (await sim.SendAsync(9, "still blocked")).Status);
    }

    [Fact(Timeout = 60_000)]
    public async Task Config_PostedPatch_ReplacesOnlyTheGivenOptions()
    {
        await using var sim = await SimulatorSession.StartAsync(new SimulatorOptions { DeactivatedUsers = [8] });

        using var patched = await sim.Http.PostAsJsonAsync("_sim/config", new { blockedUsers = new[] { 7 }, ChatBurst = 1 });
        using var unknown = await sim.Http.PostAsJsonAsync("_sim/config", new { blockedUserz = new[] { 7 } });
        using var invalid = await sim.Http.PostAsJsonAsync("_sim/config", new { transientErrorRate = 2 });
        var current = await sim.Http.GetFromJsonAsync<JsonElement>("_sim/config");

        Assert.Equal(200, (int)patched.StatusCode);
        Assert.Equal(400, (int)unknown.StatusCode);
        Assert.Equal(400, (int)invalid.StatusCode);
        Assert.Equal([7L], sim.State.Options.BlockedUsers);
        Assert.Equal([8L], sim.State.Options.DeactivatedUsers);
        Assert.Equal(1, current.GetProperty("chatBurst").GetDouble());
        Assert.Equal(0, current.GetProperty("transientErrorRate").GetDouble());
        Assert.Equal(403, (await sim.SendAsync(7, "blocked now")).Status);
    }
}
