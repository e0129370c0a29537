namespace Herald.Simulator.Tests;

public sealed class RecipientAndTokenTests
{
    [Theory(Timeout = 60_000)]
    [InlineData(1001, 403, "Forbidden: bot was blocked by the user")]
    [InlineData(1002, 403, "Forbidden: user is deactivated")]
    [InlineData(1003, 403, "Forbidden: bot can't initiate conversation with a user")]
    [InlineData(1004, 400, "Bad Request: chat not found")]
    public async Task SendMessage_UnreachableRecipient_AnswersTelegramsError(long chatId, int expectedStatus, string description)
    {
        await using var sim = await SimulatorSession.StartAsync(new SimulatorOptions
        {
            BlockedUsers = [1001],
            DeactivatedUsers = [1002],
            NeverStartedUsers = [1003],
            UnknownChats = [1004],
        });

        var (status, body) = await sim.CallRawAsync("sendMessage", new { chat_id = chatId, text = "hi" });

        Assert.Equal(expectedStatus, status);
        Assert.Equal($$"""{"ok":false,"error_code":{{expectedStatus}},"description":"{{description}}"}""", body);
        Assert.Empty(sim.State.GetDeliveries());
        Assert.Equal(1, sim.State.GetStats().Bots[0].Errors[expectedStatus.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
    }

    [Fact(Timeout = 60_000)]
    public async Task AnyMethod_RevokedToken_Answers401Unauthorized()
    {
        const string revoked = "555:revoked-token";
        await using var sim = await SimulatorSession.StartAsync(new SimulatorOptions { RevokedTokens = [revoked] });

        var (status, body) = await sim.CallRawAsync("getMe", new { }, revoked);
        var (otherStatus, _) = await sim.CallRawAsync("getMe", new { }, "555:a-new-token");

        Assert.Equal(401, status);
        Assert.Equal("""{"ok":false,"error_code":401,"description":"Unauthorized"}""", body);
        Assert.Equal(200, otherStatus);
    }

    [Fact(Timeout = 60_000)]
    public async Task AnyMethod_TokenNotShapedLikeOne_Answers404()
    {
        await using var sim = await SimulatorSession.StartAsync();

        var (status, _) = await sim.CallRawAsync("getMe", new { }, "not-a-token");

        Assert.Equal(404, status);
    }

    [Fact(Timeout = 60_000)]
    public async Task AnyMethod_OnlyListedTokens_RefusesOthersWith401()
    {
        await using var sim = await SimulatorSession.StartAsync(new SimulatorOptions
        {
            AcceptAnyWellFormedToken = false,
            BotTokens = [SimulatorSession.Token],
        });

        var (listed, me) = await sim.CallAsync("getMe");
        var (unlisted, _) = await sim.CallAsync("getMe", token: "999:unknown");

        Assert.Equal(200, listed);
        Assert.Equal(SimulatorSession.BotId, me.GetProperty("result").GetProperty("id").GetInt64());
        Assert.True(me.GetProperty("result").GetProperty("is_bot").GetBoolean());
        Assert.Equal(401, unlisted);
    }

    [Fact(Timeout = 60_000)]
    public async Task AnyMethod_TransientRateOne_Answers5xxAndDeliversNothing()
    {
        await using var sim = await SimulatorSession.StartAsync(new SimulatorOptions { TransientErrorRate = 1 });

        var (status, body) = await sim.CallRawAsync("sendMessage", new { chat_id = 1, text = "x" });

        Assert.Equal(502, status);
        Assert.Equal("""{"ok":false,"error_code":502,"description":"Bad Gateway"}""", body);
        Assert.Empty(sim.State.GetDeliveries());
    }

    [Fact(Timeout = 60_000)]
    public async Task AnyMethod_Latency_WaitsOnTheSimulatorsClock()
    {
        await using var sim = await SimulatorSession.StartAsync(new SimulatorOptions { Latency = TimeSpan.FromSeconds(2) });
        var start = sim.Clock.GetUtcNow();

        var sending = sim.SendAsync(1, "slow");
        for (var i = 0; i < 600 && !sending.IsCompleted; i++)
        {
            sim.Clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(5);
        }

        Assert.Equal(200, (await sending).Status);
        Assert.True(Assert.Single(sim.State.GetDeliveries()).DeliveredAt >= start + TimeSpan.FromSeconds(2));
    }
}
