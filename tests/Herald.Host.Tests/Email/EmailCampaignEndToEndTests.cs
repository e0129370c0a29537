extern alias simulator;

using System.Globalization;
using System.Net;
using System.Text.Json;
using Herald.Host.Tests.Infrastructure;
using Herald.Platforms.Email;
using Herald.Testing;
using simulator::Herald.Simulator.Smtp;

namespace Herald.Host.Tests.Email;

/// <summary>
/// An e-mail campaign end to end, driven by the engine: the real host with its account actors over Azurite, MailKit
/// against the SMTP simulator over loopback, and one running fake clock for the host and the simulator that the test
/// moves on six hours at a time. The mailboxes are warming up (10 % of their cap on the first week) under a small
/// daily cap, so the campaign spans several virtual days.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EmailCampaignEndToEndTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string Secret = "unsubscribe-secret-for-e2e-tests";
    private const int Accounts = 4;
    private const int DailyCap = 20;
    private const int WarmCap = 2;           // 10 % of the cap in the first week
    private const int Recipients = 20;
    private const string Deferred = "r03@example.org";
    private const string Rejected = "r07@example.org";
    private const string Unsubscriber = "r11@example.org";
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    [Fact(Timeout = 180_000)]
    public async Task Campaign_WarmingMailboxes_NoneOverItsRampDeferralsRetriedRejectionsReportedUnsubscribesSuppressedNextTime()
    {
        await using var clock = RunningClock.Start();
        await using var smtp = await SmtpSimulator.StartAsync(
            new SmtpScenario { DailyCapPerAccount = WarmCap, Rules = [new SmtpRule(Deferred, 451, Times: 1), new SmtpRule(Rejected, 550)] },
            clock.Time);
        await using var host = await EngineApiHost.StartAsync(azurite, output, o =>
        {
            o.Time = clock.Time;
            o.Settings["Herald:Platforms:Email:UnsubscribeUrl"] = "http://127.0.0.1:5080/unsubscribe/email";
            o.Settings["Herald:Platforms:Email:UnsubscribeSecret"] = Secret;
            o.Settings["Herald:Platforms:Email:Providers:sim:Host"] = "127.0.0.1";
            o.Settings["Herald:Platforms:Email:Providers:sim:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
            o.Settings["Herald:Platforms:Email:Providers:sim:Security"] = "None";
            o.Settings["Herald:Platforms:Email:Providers:sim:DailyCap"] = DailyCap.ToString(CultureInfo.InvariantCulture);
            // A resting mailbox's next tick is hours away: the queue brings it back every second (see the WhatsApp test).
            o.Settings["Herald:Engine:MaxTimerHop"] = "00:00:01";
            o.Settings["Herald:Storage:RequestBudget"] = "00:00:20";
        });
        var tenant = EngineApiHost.NewTenant();
        for (var i = 0; i < Accounts; i++)
        {
            var registered = await host.Client(tenant).PostJsonAsync("/api/accounts/email", $$$"""{"provider":"sim","username":"sender{{{i}}}@herald.test","password":"pw-{{{i}}}","limits":{"messagesPerDay":{{{DailyCap}}}}}""");
            Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        }

        var list = string.Join(",", Enumerable.Range(0, Recipients).Select(i => $$"""{"email":"r{{i:D2}}@example.org","name":"R{{i}}"}"""));
        var body = $$$"""{"platform":"email","actions":["personalMessage"],"message":"Subject: Hello {{name}}\nHi {{name}}, spring is here.","recipients":[{{{list}}}]}""";
        var id = (await host.Client(tenant).CreateCampaignAsync(body)).Str("id");

        var done = await RunToEndAsync(host, smtp, clock, tenant, id);

        var messages = smtp.State.GetMessages();
        var stats = smtp.State.GetStats();
        Assert.Equal("completed_with_errors", done.Str("status"));
        Assert.Equal((Recipients - 1L, 1L), (done.GetProperty("counts").GetProperty("done").GetInt64(), done.GetProperty("counts").GetProperty("failed").GetInt64()));
        Assert.Equal(Recipients - 1, messages.Count);
        Assert.Equal(Recipients - 1, messages.SelectMany(m => m.To).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains(messages, m => m.To.Contains(Deferred));
        Assert.DoesNotContain(messages, m => m.To.Contains(Rejected));
        Assert.Equal((1, 1, 0), (stats.Deferred, stats.Rejected, stats.CapViolations));
        Assert.True(messages.Max(m => m.At) - messages.Min(m => m.At) > Day, "the caps spread the campaign over more than one day");
        foreach (var account in messages.GroupBy(m => m.Account))
        {
            Assert.True(MostInAnyDay(account.Select(m => m.At)) <= WarmCap, $"{account.Key} sent more than {WarmCap} in 24 hours");
        }

        var csv = (await (await host.Client(tenant).GetAsync($"/api/campaigns/{id}/report.csv")).Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var row = Assert.Single(csv.Skip(1));
        Assert.StartsWith("failed,", row[(row.IndexOf(',', StringComparison.Ordinal) + 1)..], StringComparison.Ordinal);
        Assert.Contains(EmailReasons.MailboxUnavailable, row, StringComparison.Ordinal);

        // One recipient unsubscribes with the one-click POST of RFC 8058 from the message's List-Unsubscribe header.
        var received = messages.Single(m => m.To.Contains(Unsubscriber));
        Assert.Equal("List-Unsubscribe=One-Click", received.ListUnsubscribePost);
        var link = new Uri(received.ListUnsubscribe!.Trim().TrimStart('<').Split('>')[0]);
        var unsubscribed = await host.Factory.CreateClient().PostAsync(link.PathAndQuery, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, unsubscribed.StatusCode);

        var next = await host.Client(tenant).CreateCampaignAsync(body);
        Assert.Equal((Recipients, 1), (next.GetProperty("total").GetInt32(), next.GetProperty("suppressed").GetInt32()));
    }

    // Moves the clock on six hours at a time; after each move, waits for the mailboxes to act on it.
    private static async Task<JsonElement> RunToEndAsync(EngineApiHost host, SmtpSimulator smtp, RunningClock clock, string tenant, string id)
    {
        for (var step = 0; step < 80; step++)
        {
            var status = await StatusAsync(host, tenant, id);
            if (status.Str("status") is "completed" or "completed_with_errors")
            {
                return status;
            }

            var attempts = Attempts(smtp);
            clock.Jump(TimeSpan.FromHours(6));
            using var settle = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            while (!settle.IsCancellationRequested && Attempts(smtp) == attempts)
            {
                await Task.Delay(100);
            }

            await Task.Delay(500);   // the other mailboxes' ticks of this step
        }

        throw new TimeoutException($"Campaign {id} did not end; last: {await StatusAsync(host, tenant, id)}");
    }

    private static int Attempts(SmtpSimulator smtp)
    {
        var stats = smtp.State.GetStats();
        return stats.Accepted + stats.Deferred + stats.Rejected;
    }

    // A new client (token) for every call: the clock moves days, and yesterday's token has expired.
    private static async Task<JsonElement> StatusAsync(EngineApiHost host, string tenant, string id) =>
        await (await host.Client(tenant).GetAsync($"/api/campaigns/{id}")).ReadJsonAsync();

    private static int MostInAnyDay(IEnumerable<DateTimeOffset> times)
    {
        var at = times.Order().ToList();
        var most = 0;
        for (int first = 0, last = 0; first < at.Count; first++)
        {
            while (last < at.Count && at[last] < at[first] + Day)
            {
                last++;
            }

            most = Math.Max(most, last - first);
        }

        return most;
    }
}
