using Herald.Platforms.Tests.Support;
using Herald.Platforms.TelegramBot;
using Herald.Simulator;
using Xunit.Abstractions;

namespace Herald.Platforms.Tests.TelegramBot;

/// <summary>The token's secret part appears in no log line, scope, exception, outcome, error or ToString.</summary>
public sealed class TokenSecrecyTests(ITestOutputHelper output)
{
    private const string Secret = "AAE-secret_part_of_the_token";

    [Fact(Timeout = 60_000)]
    public async Task EveryPath_SuccessAndEachFailure_NeverShowsTheToken()
    {
        Assert.EndsWith(Secret, TelegramTestHost.Token, StringComparison.Ordinal);
        var token = TelegramTestHost.BotToken;
        var seen = new List<string>();
        await using (var host = await TelegramTestHost.StartAsync(output, new SimulatorOptions { BlockedUsers = [2], UnknownChats = [3] }, manualClock: false))
        {
            var bot = await host.BotAsync();
            seen.Add((await host.Platform.ExecuteAsync(bot, TelegramTestHost.Message(1, "ok"))).ToString());
            seen.Add((await host.Platform.ExecuteAsync(bot, TelegramTestHost.Message(2, "blocked"))).ToString());
            seen.Add((await host.Platform.ExecuteAsync(bot, TelegramTestHost.Message(3, "unknown"))).ToString());
            seen.Add((await host.Api.GetMeAsync(token)).ToString());
            seen.Add((await host.Messenger.SendMessageAsync(token, 3, "unknown")).ToString());
            seen.Add((await host.Platform.CheckAdminRightsAsync(bot, "-100999")).ToString());
            host.Sim.Configure(o => o.RevokedTokens = [TelegramTestHost.Token]);
            var unauthorized = await host.Api.GetMeAsync(token);
            Assert.Equal(401, unauthorized.Error?.ErrorCode);
            seen.Add(unauthorized.ToString());
            seen.Add((await host.Platform.ExecuteAsync(bot, TelegramTestHost.Message(1, "revoked"))).ToString());
            seen.Add(token.ToString());
            seen.Add(bot.ToString());
            using var cancelled = new CancellationTokenSource();
            await cancelled.CancelAsync();
            seen.Add((await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Api.GetMeAsync(token, cancelled.Token))).ToString());
            seen.AddRange(host.Logs.Entries);
        }

        // Nothing listens on port 9 (discard) of the loopback: the connection is refused.
        await using (var dead = await TelegramTestHost.StartAsync(output, baseUrl: "http://127.0.0.1:9", configure: o => o.RequestTimeout = TimeSpan.FromSeconds(5)))
        {
            var refused = await dead.Api.GetMeAsync(token);
            Assert.Equal(TelegramErrorSource.Network, refused.Error?.Source);
            seen.Add(refused.ToString());
            seen.Add((await dead.Platform.ExecuteAsync(await dead.BotAsync(), TelegramTestHost.Message(1, "nowhere"))).ToString());
            seen.AddRange(dead.Logs.Entries);
        }

        await using (var echo = new EchoingBotApi())
        await using (var careless = await TelegramTestHost.StartAsync(output, baseUrl: echo.BaseUrl))
        {
            var quoted = await careless.Messenger.SendMessageAsync(token, 1, "quoted");
            Assert.Contains("/bot4242:***/sendMessage", quoted.Error?.Description, StringComparison.Ordinal);
            seen.Add(quoted.ToString());
            seen.AddRange(careless.Logs.Entries);
        }

        seen.Add(Assert.Throws<FormatException>(() => TelegramBotToken.Parse("x" + Secret)).ToString());

        // The capture works (failures were logged, with the bot id), and nothing shows the secret.
        Assert.Contains(seen, s => s.Contains("got no answer", StringComparison.Ordinal) && s.Contains("4242", StringComparison.Ordinal));
        Assert.Contains(seen, s => s.Contains("refused", StringComparison.Ordinal));
        Assert.Equal("4242:***", TelegramBotToken.Parse(TelegramTestHost.Token).ToString());
        Assert.DoesNotContain(seen, s => s.Contains(Secret, StringComparison.Ordinal));
    }
}
