using Herald.Platforms.Tests.Support;
using Herald.Platforms.TelegramBot;
using Herald.Simulator;
using Xunit.Abstractions;

namespace Herald.Platforms.Tests.TelegramBot;

/// <summary>The token's secret part appears in no log line, scope, exception, outcome or ToString.</summary>
public sealed class TokenSecrecyTests(ITestOutputHelper output)
{
    private const string Secret = "AAE-secret_part_of_the_token";

    [Fact(Timeout = 60_000)]
    public async Task EveryPath_SuccessAndEachFailure_NeverShowsTheToken()
    {
        Assert.EndsWith(Secret, TelegramTestHost.Token, StringComparison.Ordinal);
        var seen = new List<string>();
        await using (var host = await TelegramTestHost.StartAsync(output, new SimulatorOptions { BlockedUsers = [2], UnknownChats = [3] }, manualClock: false))
        {
            var bot = await host.BotAsync();
            var token = TelegramBotToken.Parse(TelegramTestHost.Token);
            seen.Add((await host.Platform.ExecuteAsync(bot, TelegramTestHost.Message(1, "ok"))).ToString());
            seen.Add((await host.Platform.ExecuteAsync(bot, TelegramTestHost.Message(2, "blocked"))).ToString());
            seen.Add((await host.Platform.ExecuteAsync(bot, TelegramTestHost.Message(3, "unknown"))).ToString());
            seen.Add((await host.Client.GetMeAsync(token)).ToString());
            seen.Add((await host.Client.SendMessageAsync(token, 3, "unknown")).ToString());
            seen.Add((await host.Platform.CheckAdminRightsAsync(bot, "-100999")).ToString());
            host.Sim.Configure(o => o.RevokedTokens = [TelegramTestHost.Token]);
            seen.Add((await host.Client.GetMeAsync(token)).ToString());
            seen.Add(token.ToString());
            seen.Add(bot.ToString());
            seen.AddRange(host.Logs.Entries);
        }

        await using (var dead = await TelegramTestHost.StartAsync(output, baseUrl: "http://127.0.0.1:9", configure: o => o.RequestTimeout = TimeSpan.FromSeconds(5)))
        {
            seen.Add((await dead.Client.GetMeAsync(TelegramBotToken.Parse(TelegramTestHost.Token))).ToString());
            seen.Add((await dead.Platform.ExecuteAsync(await dead.BotAsync(), TelegramTestHost.Message(1, "nowhere"))).ToString());
            seen.AddRange(dead.Logs.Entries);
        }

        seen.Add(Assert.Throws<FormatException>(() => TelegramBotToken.Parse("x" + Secret)).ToString());

        // The capture works (failures were logged, with the bot id), and nothing shows the secret.
        Assert.Contains(seen, s => s.Contains("got no answer", StringComparison.Ordinal) && s.Contains("4242", StringComparison.Ordinal));
        Assert.Contains(seen, s => s.Contains("refused", StringComparison.Ordinal));
        Assert.Equal("4242:***", TelegramBotToken.Parse(TelegramTestHost.Token).ToString());
        Assert.DoesNotContain(seen, s => s.Contains(Secret, StringComparison.Ordinal));
    }
}
