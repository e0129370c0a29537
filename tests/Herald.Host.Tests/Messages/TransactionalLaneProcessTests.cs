using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Herald.Host.Tests.Infrastructure;
using Herald.Testing;
using Herald.Testing.Processes;

namespace Herald.Host.Tests.Messages;

/// <summary>
/// Scale-out (issue 11): an API-only host and two worker processes share one bot that is broadcasting while 300 single
/// messages arrive through the API. Every instance serves the API and the sends happen wherever the bot's actor runs,
/// so only the actor's transactional lane keeps the bot within its limits. The simulator is the judge: no 429, never
/// more than 30 deliveries of the bot in any second, each single message delivered once, the broadcast going on.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TransactionalLaneProcessTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int Singles = 300;
    private const int BroadcastRecipients = 1000;
    private const long FirstBroadcastUser = 8_100_001;
    private const long FirstSingleChat = 9_100_001;

    [Fact(Timeout = 120_000)]
    public async Task SingleMessages_ApiOnlyHostAndTwoWorkersWhileBroadcasting_EachOnceNo429AtMost30PerSecond()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var api = await EngineApiHost.StartAsync(azurite, output, o =>
        {
            o.Workers = false;
            // A busy CI machine: the API's storage calls (the broadcast's targets among them) get time.
            o.Settings["Herald:Storage:RequestBudget"] = "00:00:15";
        });
        using var client = api.Client(EngineApiHost.NewTenant("lane"));
        var token = EngineApiHost.NewBotToken();
        var botId = EngineApiHost.BotIdOf(token);
        var bot = await client.RegisterBotAsync(token);
        var workers = await Task.WhenAll(StartWorkerAsync(api), StartWorkerAsync(api));
        await using var first = workers[0];
        await using var second = workers[1];
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: API host and two workers up");

        var recipients = string.Join(',', Enumerable.Range(0, BroadcastRecipients).Select(i => $$"""{"userId":{{FirstBroadcastUser + i}}}"""));
        var campaign = (await client.CreateCampaignAsync($$"""{"actions":["botMessage"],"accounts":["{{bot}}"],"message":"News","recipients":[{{recipients}}]}""")).Str("id");
        await WaitAsync(() => api.Simulator.State.GetDeliveries(botId: botId).Count >= 30, "the broadcast to start sending");
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: the broadcast is sending");

        var answers = new ConcurrentDictionary<int, (HttpStatusCode Status, string Body)>();
        await Parallel.ForEachAsync(Enumerable.Range(0, Singles), new ParallelOptions { MaxDegreeOfParallelism = 30 }, async (i, _) =>
        {
            var send = $$"""{"accountId":"{{bot}}","chatId":"{{FirstSingleChat + i}}","text":"Single {{i}}"}""";
            var response = await client.PostJsonAsync("/api/messages", send, $"lane-single-{i}");
            answers[i] = (response.StatusCode, await response.Content.ReadAsStringAsync());
        });
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: {Singles} single messages answered");
        var afterSingles = api.Simulator.State.GetDeliveries(botId: botId).Count(d => d.ChatId < FirstSingleChat);
        await WaitAsync(() => api.Simulator.State.GetDeliveries(botId: botId).Count(d => d.ChatId < FirstSingleChat) > afterSingles, "the broadcast to go on");
        await client.PostAsync($"/api/campaigns/{campaign}/cancel", null);

        var deliveries = api.Simulator.State.GetDeliveries(botId: botId);
        var singles = deliveries.Where(d => d.ChatId >= FirstSingleChat).ToList();
        var broadcast = deliveries.Where(d => d.ChatId < FirstSingleChat).ToList();
        var stats = api.Simulator.State.GetStats().Bots.Single(b => b.BotId == botId);
        var perSecond = deliveries.GroupBy(d => d.DeliveredAt.ToUnixTimeSeconds()).Max(g => g.Count());
        var during = broadcast.Count(d => d.DeliveredAt > singles.Min(s => s.DeliveredAt) && d.DeliveredAt < singles.Max(s => s.DeliveredAt));
        output.WriteLine($"{singles.Count} singles, {broadcast.Count} broadcast ({during} while the singles went out), at most {perSecond} per second, {stats.RateLimited} × 429");

        Assert.All(answers.Values, a => Assert.Equal(HttpStatusCode.Created, a.Status));
        Assert.Equal(Singles, answers.Count);
        Assert.Equal(0, stats.RateLimited);
        Assert.True(perSecond <= 30, $"{perSecond} deliveries of the bot within one second");
        Assert.Equal(Enumerable.Range(0, Singles).Select(i => FirstSingleChat + i), singles.Select(d => d.ChatId).Order());
        foreach (var (i, answer) in answers)
        {
            var delivery = Assert.Single(singles, d => d.ChatId == FirstSingleChat + i);
            Assert.Equal($"Single {i}", delivery.Text);
            Assert.Contains($"\"platformMessageId\":{delivery.MessageId.ToString(CultureInfo.InvariantCulture)},", answer.Body, StringComparison.Ordinal);
        }

        Assert.Equal(broadcast.Count, broadcast.Select(d => d.ChatId).Distinct().Count());
        Assert.True(during > 0, "the broadcast stood still while the single messages went out");
        Assert.Equal(0, await first.StopAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(0, await second.StopAsync(TimeSpan.FromSeconds(30)));
    }

    // Polls what the simulator saw (no timing is asserted: the test's own timeout bounds the wait).
    private static async Task WaitAsync(Func<bool> done, string what)
    {
        for (var looks = 0; !done(); looks++)
        {
            Assert.True(looks < 600, $"Gave up waiting for {what}.");
            await Task.Delay(100);
        }
    }

    private Task<ChildProcess> StartWorkerAsync(EngineApiHost api) => HeraldProcess.StartAsync(
        [
            "worker", "--environment", "Development",
            "--Herald:Development:StartAzurite=false", "--Herald:Development:StartSimulator=false",
            $"--Herald:Storage:ConnectionString={azurite.ConnectionString}",
            $"--Herald:Platforms:TelegramBot:BaseUrl={api.Simulator.BaseUri}",
            // The API host's data folder: its local secret store (and key ring) holds the bot's token.
            $"--Herald:DataDirectory={api.Factory.DataDirectory}",
            // Configured keys: two workers starting at once must not both create the development signing secret there.
            $"--Herald:Auth:HmacSecrets:0={TestKeys.HmacSecret}",
            $"--Herald:Engine:NamePrefix={api.Prefix}",
            "--Herald:Engine:LeaseDuration=00:00:08",
            "--Herald:Engine:MessageVisibility=00:00:04",
            "--Herald:Engine:SweepInterval=00:00:01",
            "--Herald:Engine:OverdueAfter=00:00:03",
            "--Herald:Engine:MaxPollInterval=00:00:00.200",
            "--Herald:Engine:IdlePoll=00:00:01",
            $"--Herald:Durable:TaskHubName={api.Prefix}",
            "--Herald:Durable:PartitionCount=1",
            "--Herald:Durable:MaxPollInterval=00:00:00.500",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
        ],
        output);
}
