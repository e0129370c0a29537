using System.Net;
using Herald.Host.Tests.Infrastructure;
using Herald.Testing;

namespace Herald.Host.Tests.Logging;

/// <summary>
/// A whole campaign through the API, the real Telegram adapter and the simulator, with every log record of every
/// category captured at Trace level: no bot token, session, phone number, username, name or message text in any of it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CampaignRunLogPrivacyTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact(Timeout = 90_000)]
    public async Task FullCampaignRun_AllLogOutput_HoldsNoSecretOrRecipientData()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output);
        var client = host.Client(EngineApiHost.NewTenant());
        var token = EngineApiHost.NewBotToken();
        const string Session = "tdlib-session-7f3a9c1e-private";
        var bot = await client.RegisterBotAsync(token);
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync("/api/accounts/telegram-users", $$"""{"session":"{{Session}}","name":"Ops"}""")).StatusCode);

        var created = await client.CreateCampaignAsync($$$"""
            {"name":"Launch","actions":["botMessage"],"accounts":["{{{bot}}}"],
             "message":"Private offer for {{name}}: code SECRETBODY-{{promo|none}}",
             "recipients":[
               {"userId":700001,"name":"Zinaida Quellmalz","fields":{"promo":"PX-7781"}},
               {"userId":700002,"name":"Bartholomew Yarrow"},
               {"username":"@secret_user_one","name":"Ulrike Vantongeren"},
               {"phone":"+49 151 9876 5432","name":"Philippa Quarrington"},
               {"userId":700004,"username":"secret_user_two"}]}
            """);
        var status = await client.WaitForCampaignAsync(created.Str("id"), s => s.Str("status") == "completed_with_errors");
        Assert.Equal(2, status.GetProperty("counts").GetProperty("done").GetInt64());
        Assert.Equal(2, host.Simulator.State.GetDeliveries().Count);
        var sent = await client.PostJsonAsync("/api/messages", $$"""{"accountId":"{{bot}}","chatId":"700003","text":"Transactional confidential note"}""", "log-key");
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var report = await (await client.GetAsync($"/api/campaigns/{created.Str("id")}/report.csv")).Content.ReadAsStringAsync();
        Assert.Contains("secret_user_two", report, StringComparison.Ordinal);

        var logs = host.Logs.AllText;
        Assert.Contains("is completed_with_errors", logs, StringComparison.Ordinal);
        Assert.Contains("Audit: tenant", logs, StringComparison.Ordinal);
        Assert.Contains("Request starting", logs, StringComparison.Ordinal);
        string[] forbidden =
        [
            token, token[(token.IndexOf(':', StringComparison.Ordinal) + 1)..], Session,
            "+4915198765432", "4915198765432", "9876 5432", "secret_user_one", "secret_user_two",
            "Zinaida", "Quellmalz", "Bartholomew", "Ulrike", "Philippa", "PX-7781",
            "Private offer", "SECRETBODY", "Transactional confidential note",
        ];
        foreach (var value in forbidden)
        {
            var line = host.Logs.Records.FirstOrDefault(r => r.Contains(value, StringComparison.Ordinal));
            Assert.True(line is null, $"'{value}' appears in the logs: {line}");
        }
    }
}
