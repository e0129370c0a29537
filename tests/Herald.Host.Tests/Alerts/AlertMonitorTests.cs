using System.Text.Json;
using Herald.Host.Tests.Infrastructure;
using Herald.Testing;

namespace Herald.Host.Tests.Alerts;

/// <summary>
/// Operator alerts through the real host, its engine and the Telegram Bot API simulator: a campaign that ends with
/// errors and an account whose token is revoked each raise one alert in the operators' chat, however often the monitor
/// looks, and no alert carries a recipient's id, username, name or the message text.
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
