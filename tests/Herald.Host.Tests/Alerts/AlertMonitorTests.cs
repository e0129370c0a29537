using System.Text.Json;
using Herald.Host.Alerts;
using Herald.Host.Tests.Infrastructure;
using Herald.Testing;

namespace Herald.Host.Tests.Alerts;

/// <summary>
/// Operator alerts through the real host, its engine and the Telegram Bot API simulator: a campaign that ends with
/// errors, an account whose token is revoked, FloodWaits reaching the spike setting and a campaign whose every account
/// rests longer than the setting (both from the simulator's forced 429s) each raise one alert in the operators' chat,
/// however often the monitor looks, and no alert carries a recipient's id, username, name or the message text.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AlertMonitorTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string AlertToken = "4242424242:AAalerts-bot-token-00000000000000000";
    private const long AlertBotId = 4242424242;
    private const long OperatorsChat = 555_000_111;
    private const long Blocked = 8_800_002;
    private const string RecipientName = "Zed Secretname";
    private const string Message = "Secret message text for {{name}}";

    [Fact(Timeout = 90_000)]
    public async Task Monitor_CampaignEndsWithErrorsAndTokenRevoked_OneAlertEachWithoutRecipientData()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o =>
        {
            o.Simulator.BlockedUsers = [Blocked];
            o.Settings["Herald:Alerts:BotToken"] = AlertToken;
            o.Settings["Herald:Alerts:ChatId"] = OperatorsChat.ToString(System.Globalization.CultureInfo.InvariantCulture);
            o.Settings["Herald:Alerts:CheckInterval"] = "00:00:00.250";
        });
        var tenant = EngineApiHost.NewTenant("alerts");
        using var api = host.Client(tenant);

        var worker = await api.RegisterBotAsync(EngineApiHost.NewBotToken());
        var ended = await api.CreateCampaignAsync(Campaign([8_800_001, Blocked], worker));
        var revokedToken = EngineApiHost.NewBotToken();
        var revoked = await api.RegisterBotAsync(revokedToken);
        host.Simulator.State.Configure(o => o.RevokedTokens = [revokedToken]);
        var stuck = await api.CreateCampaignAsync(Campaign([8_800_003], revoked));

        await api.WaitForCampaignAsync(ended.Str("id"), s => s.Str("status") == "completed_with_errors", TimeSpan.FromSeconds(60));
        var alerts = await WaitForAlertsAsync(host, a => a.Count(t => t.Contains(ended.Str("id"), StringComparison.Ordinal)) >= 1 && a.Any(t => t.Contains(revoked, StringComparison.Ordinal)));
        // Let the monitor look many more times: the gate keeps each kind to one alert per subject in the window.
        await Task.Delay(TimeSpan.FromSeconds(3));
        alerts = Alerts(host);
        output.WriteLine(string.Join("\n", alerts));

        Assert.Single(alerts, t => t.Contains(ended.Str("id"), StringComparison.Ordinal) && t.Contains("ended with errors", StringComparison.Ordinal));
        Assert.Single(alerts, t => t.Contains(revoked, StringComparison.Ordinal) && t.Contains("is blocked", StringComparison.Ordinal));
        Assert.DoesNotContain(alerts, t => t.Contains(stuck.Str("id"), StringComparison.Ordinal) && t.Contains("ended", StringComparison.Ordinal));
        Assert.All(alerts, t =>
        {
            Assert.DoesNotContain("8800", t, StringComparison.Ordinal);
            Assert.DoesNotContain("Secret", t, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Zed", t, StringComparison.Ordinal);
            Assert.DoesNotContain(revokedToken, t, StringComparison.Ordinal);
        });
    }

    [Fact(Timeout = 90_000)]
    public async Task Monitor_ForcedFloodWaitsReachTheSetting_OneSpikeAlertAndEveryWaitHonoured()
    {
        await using var host = await StartAlertingAsync(("Herald:Alerts:FloodWaitCount", "3"), ("Herald:Alerts:FloodWaitWithin", "00:05:00"));
        using var api = host.Client(EngineApiHost.NewTenant("alerts"));
        var (token, botId, worker) = await RegisterForcedBotAsync(host, api, count: 3, retryAfterSeconds: 1);
        long[] users = [8_800_011, 8_800_012, 8_800_013, 8_800_014];

        var campaign = await api.CreateCampaignAsync(Campaign(users, worker));
        await api.WaitForCampaignAsync(campaign.Str("id"), s => s.Str("status") == "completed", TimeSpan.FromSeconds(60));
        await WaitForAlertsAsync(host, a => a.Any(IsSpike));
        await LookAgainAsync(host);
        var alerts = Alerts(host);
        output.WriteLine(string.Join("\n", alerts));

        Assert.Single(alerts, IsSpike);
        var forced = host.Simulator.State.GetForcedRetryAfter(botId);
        Assert.Equal(3, forced.Answered);
        Assert.Equal(0, forced.SentDuringWait);
        Assert.Equal(users.Order(), host.Simulator.State.GetDeliveries(botId: botId).Select(d => d.ChatId).Order());
        AssertNoRecipientData(alerts, token);
    }

    [Fact(Timeout = 90_000)]
    public async Task Monitor_EveryAccountOfCampaignRestsLongerThanSetting_OneRestingAlertAndNoSendDuringTheWait()
    {
        await using var host = await StartAlertingAsync(("Herald:Alerts:RestingLongerThan", "00:01:00"));
        using var api = host.Client(EngineApiHost.NewTenant("alerts"));
        // One 429 that asks for ten minutes: the campaign's only account rests far longer than the setting.
        var (token, botId, worker) = await RegisterForcedBotAsync(host, api, count: 1, retryAfterSeconds: 600);

        var campaign = await api.CreateCampaignAsync(Campaign([8_800_021, 8_800_022], worker));
        var id = campaign.Str("id");
        await WaitForAlertsAsync(host, a => a.Any(t => t.Contains(id, StringComparison.Ordinal) && t.Contains("is resting", StringComparison.Ordinal)));
        await LookAgainAsync(host);
        var alerts = Alerts(host);
        output.WriteLine(string.Join("\n", alerts));
        var status = await api.WaitForCampaignAsync(id, _ => true);

        Assert.Single(alerts, t => t.Contains(id, StringComparison.Ordinal) && t.Contains("is resting", StringComparison.Ordinal));
        Assert.Equal("all_accounts_resting", status.Str("waitingReason"));
        Assert.Equal(0, host.Simulator.State.GetForcedRetryAfter(botId).SentDuringWait);
        Assert.Empty(host.Simulator.State.GetDeliveries(botId: botId));
        AssertNoRecipientData(alerts, token);
    }

    // The alert bot and chat, a monitor that looks often, and every 429 read as the bot's flood control (the Bot API
    // does not say whether a 429 is about one chat), so the engine records each forced 429 as a FloodWait.
    private Task<EngineApiHost> StartAlertingAsync(params (string Key, string Value)[] settings) =>
        EngineApiHost.StartAsync(azurite, output, o =>
        {
            o.Settings["Herald:Alerts:BotToken"] = AlertToken;
            o.Settings["Herald:Alerts:ChatId"] = OperatorsChat.ToString(System.Globalization.CultureInfo.InvariantCulture);
            o.Settings["Herald:Alerts:CheckInterval"] = "00:00:00.250";
            o.Settings["Herald:Platforms:TelegramBot:FloodChatThreshold"] = "1";
            foreach (var (key, value) in settings)
            {
                o.Settings[key] = value;
            }
        });

    // A worker bot whose next sends the simulator answers with 429 and retry_after.
    private static async Task<(string Token, long BotId, string Account)> RegisterForcedBotAsync(EngineApiHost host, HttpClient api, int count, int retryAfterSeconds)
    {
        var token = EngineApiHost.NewBotToken();
        var botId = EngineApiHost.BotIdOf(token);
        var account = await api.RegisterBotAsync(token);
        host.Simulator.State.ForceRetryAfter(botId, count, retryAfterSeconds);
        return (token, botId, account);
    }

    private static bool IsSpike(string alert) => alert.Contains("FloodWaits", StringComparison.Ordinal);

    // More looks after the alert went out, run here rather than waited for: the gate must keep each to one per window.
    private static async Task LookAgainAsync(EngineApiHost host)
    {
        var monitor = host.Services.GetRequiredService<AlertMonitor>();
        for (var i = 0; i < 3; i++)
        {
            await monitor.CheckAsync();
        }
    }

    private static void AssertNoRecipientData(List<string> alerts, string token) => Assert.All(alerts, t =>
    {
        Assert.DoesNotContain("8800", t, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret", t, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Zed", t, StringComparison.Ordinal);
        Assert.DoesNotContain(token, t, StringComparison.Ordinal);
    });

    private static string Campaign(long[] users, string account) => JsonSerializer.Serialize(new
    {
        name = "Secret campaign name",
        actions = new[] { "botMessage" },
        message = Message,
        accounts = new[] { account },
        recipients = users.Select(u => new { userId = u, name = RecipientName, username = $"secret_user_{u % 10}" }),
    });

    private static List<string> Alerts(EngineApiHost host) =>
        [.. host.Simulator.State.GetDeliveries(botId: AlertBotId, chatId: OperatorsChat).Select(d => d.Text)];

    private static async Task<List<string>> WaitForAlertsAsync(EngineApiHost host, Func<List<string>, bool> until)
    {
        while (true)
        {
            var alerts = Alerts(host);
            if (until(alerts))
            {
                return alerts;
            }

            await Task.Delay(100);
        }
    }
}
