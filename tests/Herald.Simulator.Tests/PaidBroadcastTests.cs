using System.Net.Http.Json;
using System.Text.Json;

namespace Herald.Simulator.Tests;

public sealed class PaidBroadcastTests
{
    [Fact(Timeout = 60_000)]
    public async Task SendMessage_PaidBroadcast_GoesPastTheFreeThirtyUpToThePaidLimit()
    {
        await using var sim = await SimulatorSession.StartAsync(new SimulatorOptions { PaidMessagesPerSecond = 100, StarsBalance = 100 });
        for (var chat = 1; chat <= 30; chat++)
        {
            Assert.Equal(200, (await sim.SendAsync(chat, "free")).Status);
        }

        var (unpaid, _) = await sim.SendAsync(31, "free");
        var paid = new List<int>();
        for (var chat = 31; chat <= 101; chat++)
        {
            paid.Add((await PaidAsync(sim, chat)).Status);
        }

        // 30 free + 70 paid fill the paid limit of 100 in this second; the 101st paid one waits too.
        Assert.Equal(429, unpaid);
        Assert.Equal(Enumerable.Repeat(200, 70).Append(429), paid);
        var stars = sim.State.GetStars(SimulatorSession.BotId);
        Assert.Equal((70L, 93.0), (stars.PaidDelivered, stars.Balance));
        Assert.Equal(70, sim.State.GetStats().Totals.PaidDelivered);
        Assert.Equal(70, sim.State.QueryDeliveries(null, null, 0, 1000).Items.Count(d => d.Paid));
    }

    [Fact(Timeout = 60_000)]
    public async Task SendMessage_PaidBroadcastWithTheBalanceSpent_Answers400AndDeliversNothing()
    {
        await using var sim = await SimulatorSession.StartAsync();
        var response = await sim.Http.PostAsJsonAsync($"/_sim/bots/{SimulatorSession.BotId}/stars", new { balance = 0.2 });
        response.EnsureSuccessStatusCode();

        var answers = new List<int>();
        for (var chat = 1; chat <= 3; chat++)
        {
            answers.Add((await PaidAsync(sim, chat)).Status);
        }

        var (_, refused) = await PaidAsync(sim, 4);
        Assert.Equal([200, 200, 400], answers);
        Assert.Equal("Bad Request: BALANCE_TOO_LOW", refused.GetProperty("description").GetString());
        Assert.Equal(2, sim.State.GetStats().Totals.Delivered);
        var stars = await sim.Http.GetFromJsonAsync<JsonElement>($"/_sim/bots/{SimulatorSession.BotId}/stars");
        Assert.Equal(0, stars.GetProperty("balance").GetDouble());
        Assert.Equal(2, stars.GetProperty("balanceTooLow").GetInt64());

        // Without the flag the bot still sends for free.
        Assert.Equal(200, (await sim.SendAsync(5, "free")).Status);
    }

    private static Task<(int Status, JsonElement Body)> PaidAsync(SimulatorSession sim, long chat) =>
        sim.CallAsync("sendMessage", new { chat_id = chat, text = "paid", allow_paid_broadcast = true });
}
