extern alias simulator;

using System.Globalization;
using System.Net;
using System.Text.Json;
using Herald.Host.Tests.Infrastructure;
using Herald.Testing;
using simulator::Herald.Simulator.WhatsApp;

namespace Herald.Host.Tests.WhatsApp;

/// <summary>
/// A WhatsApp campaign end to end, driven by the engine: the real host with its account actors and orchestrations
/// over Azurite, the WhatsApp Cloud API simulator over loopback HTTP (its signed status webhooks back into the host),
/// and one running fake clock for the host and the simulator that the test moves a day on at once.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class WhatsAppTierEndToEndTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string AppSecret = "e2e-app-secret";
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    /// <summary>
    /// The size (5,000 recipients, the 2,000 tier) takes about 3 minutes here (the sends, about 30/s, are bound
    /// by Azurite: each records its message for the receipts, and 10,000 receipts come back meanwhile), so the suite
    /// runs the same campaign at the 250 tier (625 recipients, 500 on the first day). <c>HERALD_E2E_FULL_SIZE=1</c> runs
    /// the size.
    /// </summary>
    private static readonly bool FullSize = Environment.GetEnvironmentVariable("HERALD_E2E_FULL_SIZE") == "1";
    private static readonly int Tier = FullSize ? 2000 : 250;
    private static readonly int Recipients = Tier * 5 / 2;

    [Fact(Timeout = 600_000)]
    public async Task Campaign_TwoNumbersOnATierWithTwoAndAHalfTiersOfRecipients_TwoTiersInTheFirstDayTheRestAfterTheWindowRolls()
    {
        await using var clock = RunningClock.Start();
        await using var host = await EngineApiHost.StartAsync(azurite, output, o =>
        {
            o.Time = clock.Time;
            o.Settings["Herald:Platforms:WhatsAppCloud:AppSecret"] = AppSecret;
            o.Settings["Herald:Platforms:WhatsAppCloud:VerifyToken"] = "e2e-verify";
            o.Settings["Herald:Platforms:WhatsAppCloud:DefaultTier"] = Tier.ToString(CultureInfo.InvariantCulture);
            // A resting number's next tick is a day away: the queue brings it back every second, and the tick puts
            // itself back until the (virtual) due time has come, so a jump of the clock is seen within a second.
            o.Settings["Herald:Engine:MaxTimerHop"] = "00:00:01";
            // The creation writes 5,000 targets while the workers run, on a shared 2-core machine: an API storage call
            // may take longer than the 1.5 s outage budget without any outage.
            o.Settings["Herald:Storage:RequestBudget"] = "00:00:20";
        });
        await using var relay = await WebhookRelay.StartAsync(() => host.Factory.CreateClient());
        var receiptFailed = Enumerable.Range(0, 5).Select(i => Digits(i * (Recipients / 5))).ToList();
        host.Simulator.WhatsApp.Configure(s =>
        {
            s.WebhookUrl = new Uri(relay.BaseUri, "/webhooks/whatsapp").ToString();
            s.AppSecret = AppSecret;
            s.DefaultTier = Tier;
            s.ReceiptFailedRecipients = receiptFailed;
        });
        var tenant = EngineApiHost.NewTenant();
        var numbers = new[] { NewNumberId(), NewNumberId() };
        foreach (var number in numbers)
        {
            var registered = await host.Client(tenant).PostJsonAsync("/api/accounts/whatsapp-numbers", $$$"""{"phoneNumberId":"{{{number}}}","accessToken":"EAAG-{{{number}}}","limits":{"messagingTier":{{{Tier}}}}}""");
            Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        }

        output.WriteLine($"registered {DateTime.UtcNow:O}");
        var list = string.Join(",", Enumerable.Range(0, Recipients).Select(i => $$"""{"phone":"+{{Digits(i)}}"}"""));
        var id = (await host.Client(tenant).CreateCampaignAsync($$"""{"platform":"whatsApp","actions":["botMessage"],"message":"template:hello_world:en_US","recipients":[{{list}}]}""")).Str("id");

        output.WriteLine($"created {DateTime.UtcNow:O}");
        // The first day: both numbers use their tier, then the campaign waits for the window to roll.
        var waiting = await WaitForStatusAsync(host, tenant, id, s => s.Str("status") == "waiting" && s.GetProperty("counts").GetProperty("done").GetInt64() == 2 * Tier, TimeSpan.FromSeconds(FullSize ? 300 : 90));
        var firstDay = host.Simulator.WhatsApp.GetDeliveries();
        Assert.Equal(2 * Tier, firstDay.Count);
        Assert.Equal("all_accounts_resting", waiting.Str("waitingReason"));
        Assert.True(waiting.GetProperty("resumeAt").GetDateTimeOffset() > clock.Time.GetUtcNow() + TimeSpan.FromHours(23), waiting.ToString());

        output.WriteLine($"waiting {DateTime.UtcNow:O} {Deliveries(waiting)}");
        clock.Jump(Day);
        var done = await WaitForStatusAsync(host, tenant, id, s => s.Str("status") is "completed" or "completed_with_errors", TimeSpan.FromSeconds(90));
        output.WriteLine($"completed {DateTime.UtcNow:O} {Deliveries(done)}");
        var status = await WaitForStatusAsync(host, tenant, id, s => Deliveries(s) == (0, Recipients - receiptFailed.Count, 0, receiptFailed.Count), TimeSpan.FromSeconds(60));

        output.WriteLine($"receipts {DateTime.UtcNow:O}");
        var all = host.Simulator.WhatsApp.GetDeliveries();
        var start = all.Min(d => d.At);
        Assert.Equal("completed", done.Str("status"));
        Assert.Equal(Recipients, all.Count);
        Assert.Equal(Recipients, all.Select(d => d.To).Distinct().Count());
        Assert.Equal(2 * Tier, all.Count(d => d.At < start + Day));
        Assert.All(numbers, n => Assert.Equal(Tier, firstDay.Count(d => d.PhoneNumberId == n)));
        Assert.All(numbers, n => Assert.True(MostInAnyDay(all.Where(d => d.PhoneNumberId == n)) <= Tier));
        var stats = host.Simulator.WhatsApp.GetStats();
        Assert.Equal((0, 0, 0), (stats.Throughput429, stats.TierViolations, stats.Refused));

        // Receipts that failed after "sent" are in the report with their reason, the engine counts those messages done.
        var csv = (await (await host.Client(tenant).GetAsync($"/api/campaigns/{id}/report.csv")).Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(receiptFailed.Count, csv.Length - 1);
        Assert.All(csv.Skip(1), line => Assert.Contains($",failed,receipt_failed_{WhatsAppScenario.ReceiptFailedCode},", line, StringComparison.Ordinal));
        Assert.Equal(receiptFailed.Select(p => "'+" + p).Order(StringComparer.Ordinal), csv.Skip(1).Select(l => l.Split(',')[7]).Order(StringComparer.Ordinal));
        Assert.Equal(Recipients, status.GetProperty("counts").GetProperty("done").GetInt64());
    }

    // Distinct German mobile numbers (digits, as WhatsApp writes them).
    private static string Digits(int i) => "4917055" + i.ToString("D6", CultureInfo.InvariantCulture);

    private static string NewNumberId() => Random.Shared.NextInt64(100_000_000_000_000, 999_999_999_999_999).ToString(CultureInfo.InvariantCulture);

    private static (long Sent, long Delivered, long Read, long Failed) Deliveries(JsonElement status)
    {
        var d = status.GetProperty("deliveries");
        return (d.GetProperty("sent").GetInt64(), d.GetProperty("delivered").GetInt64(), d.GetProperty("read").GetInt64(), d.GetProperty("failed").GetInt64());
    }

    // The most messages one number sent in any 24 hours (a window starting at each of its messages).
    private static int MostInAnyDay(IEnumerable<WhatsAppDelivery> deliveries)
    {
        var at = deliveries.Select(d => d.At).Order().ToList();
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

    // A new client (token) for every poll: the clock jumps a day, and a token of yesterday has expired.
    private static async Task<JsonElement> WaitForStatusAsync(EngineApiHost host, string tenant, string id, Func<JsonElement, bool> until, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        JsonElement last = default;
        while (!deadline.IsCancellationRequested)
        {
            last = await (await host.Client(tenant).GetAsync($"/api/campaigns/{id}")).ReadJsonAsync();
            if (until(last))
            {
                return last;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Campaign {id} did not get there in {timeout}; last: {last}");
    }
}
