extern alias simulator;

using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Herald.Core.Domain;
using Herald.Engine.Suppression;
using Herald.Host.Tests.Infrastructure;
using Herald.Host.WhatsApp;
using Herald.Platforms.WhatsAppCloud;
using Herald.Testing;
using simulator::Herald.Simulator.WhatsApp;

namespace Herald.Host.Tests.WhatsApp;

/// <summary>
/// WhatsApp Cloud API numbers through the real host, against the simulator over loopback HTTP: registration, the
/// signed webhooks (handshake, status receipts, STOP replies) and a campaign over two numbers.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class WhatsAppApiTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string AppSecret = "test-app-secret";
    private const string VerifyToken = "test-verify-token";

    [Fact(Timeout = 60_000)]
    public async Task Webhook_HandshakeSignatureAndStopReply_SuppressForTheNumbersTenant()
    {
        await using var host = await StartAsync(workers: false);
        var tenant = EngineApiHost.NewTenant();
        var client = host.Client(tenant);
        var number = NewNumberId();
        await RegisterAsync(client, number);
        var anonymous = host.Factory.CreateClient();

        var challenge = await anonymous.GetAsync($"/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token={VerifyToken}&hub.challenge=1158201444");
        var wrongToken = await anonymous.GetAsync("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1");
        var body = Reply(number, "4917012345678", " STOP ");
        var unsigned = await anonymous.PostAsync("/webhooks/whatsapp", new StringContent(body, Encoding.UTF8, "application/json"));
        var forged = await PostSignedAsync(anonymous, body, "another-secret");
        var beforeSigned = await client.ListSuppressionsAsync();
        var signed = await PostSignedAsync(anonymous, body, AppSecret);
        var cyrillic = await PostSignedAsync(anonymous, Reply(number, "4917099999999", "Стоп"), AppSecret);
        var chatter = await PostSignedAsync(anonymous, Reply(number, "4917088888888", "stop sending me the blue one?"), AppSecret);

        Assert.Equal(HttpStatusCode.OK, challenge.StatusCode);
        Assert.Equal("1158201444", await challenge.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, wrongToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Empty(beforeSigned);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], new[] { signed.StatusCode, cyrillic.StatusCode, chatter.StatusCode });
        var suppressed = await client.ListSuppressionsAsync();
        Assert.Equal(
            new[] { "+4917012345678", "+4917099999999" }.Select(p => SuppressionStore.HashOf(new Recipient(Phone: p))).Order(StringComparer.Ordinal),
            suppressed.Select(e => e.Str("hash")).Order(StringComparer.Ordinal));
        Assert.All(suppressed, e => Assert.Equal("opted_out", e.Str("reason")));
        Assert.Empty(await host.Client(EngineApiHost.NewTenant()).ListSuppressionsAsync());
    }

    [Fact(Timeout = 90_000)]
    public async Task Campaign_OnWhatsAppNumbers_SendsTemplatesAndWebhooksTurnSentIntoDelivered()
    {
        await using var host = await StartAsync(workers: true);
        await using var relay = await WebhookRelay.StartAsync(() => host.Factory.CreateClient());
        host.Simulator.WhatsApp.Configure(s =>
        {
            s.WebhookUrl = new Uri(relay.BaseUri, "/webhooks/whatsapp").ToString();
            s.AppSecret = AppSecret;
            s.Templates = [new WhatsAppTemplate("spring_promo", "en_US", 2)];
        });
        var tenant = EngineApiHost.NewTenant();
        var client = host.Client(tenant);
        var numbers = new[] { NewNumberId(), NewNumberId() };
        foreach (var number in numbers)
        {
            await RegisterAsync(client, number);
        }

        var recipients = string.Join(",", Enumerable.Range(0, 6).Select(i => $$$"""{"phone":"+4917055500{{{i:D2}}}","name":"N{{{i}}}","fields":{"promo":"P{{{i}}}"}}"""));
        var created = await client.CreateCampaignAsync($$$"""{"platform":"whatsApp","actions":["botMessage"],"message":"template:spring_promo:en_US:name,promo","recipients":[{{{recipients}}}]}""");
        var id = created.Str("id");
        var done = await client.WaitForCampaignAsync(id, c => c.Str("status") is "completed" or "completed_with_errors");
        var deliveries = await WaitForDeliveriesAsync(client, id, d => d.GetProperty("delivered").GetInt64() == 6);
        var status = (await (await client.GetAsync($"/api/campaigns/{id}")).ReadJsonAsync()).GetProperty("deliveries");
        var store = host.Services.GetRequiredService<DeliveryStore>();
        var byRecipient = await EventuallyAsync(() => store.GetRecipientStatusesAsync(tenant, id), r => r.Count == 6 && r.Values.All(v => v == "delivered"));

        Assert.Equal("completed", done.Str("status"));
        var sent = host.Simulator.WhatsApp.GetDeliveries();
        Assert.Equal(6, sent.Select(d => d.To).Distinct().Count());
        Assert.All(sent, d => Assert.Contains(d.PhoneNumberId, numbers));
        Assert.Contains(sent, d => d.To == "491705550003" && d.Parameters.SequenceEqual(["N3", "P3"]));
        Assert.Equal(0, host.Simulator.WhatsApp.GetStats().Throughput429);
        Assert.Equal((0, 6, 0, 0), (deliveries.GetProperty("sent").GetInt64(), deliveries.GetProperty("delivered").GetInt64(), deliveries.GetProperty("read").GetInt64(), deliveries.GetProperty("failed").GetInt64()));
        Assert.Equal((0, 6, 0, 0), (status.GetProperty("sent").GetInt64(), status.GetProperty("delivered").GetInt64(), status.GetProperty("read").GetInt64(), status.GetProperty("failed").GetInt64()));
        Assert.Equal(6, byRecipient.Count);
        Assert.All(byRecipient.Values, v => Assert.Equal("delivered", v));
        await (await client.GetAsync("/api/campaigns/nope/deliveries")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await host.Client(EngineApiHost.NewTenant()).GetAsync($"/api/campaigns/{id}/deliveries")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact(Timeout = 60_000)]
    public async Task StatusAndReport_ReceiptsOfACancelledCampaign_ShowDeliveryCountsAndEachRecipientsDeliveryStatus()
    {
        await using var host = await StartAsync(workers: false);
        var tenant = EngineApiHost.NewTenant();
        var client = host.Client(tenant);
        await RegisterAsync(client, NewNumberId());
        var id = (await client.CreateCampaignAsync("""{"platform":"whatsApp","actions":["botMessage"],"message":"Hi","recipients":[{"phone":"+4917011100001"},{"phone":"+4917011100002"},{"phone":"+4917011100003"}]}""")).Str("id");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/campaigns/{id}/cancel", null)).StatusCode);
        var before = await (await client.GetAsync($"/api/campaigns/{id}/report")).ReadJsonAsync();
        var sequences = before.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("sequence").GetInt32()).Order().ToList();
        Assert.Equal(3, sequences.Count);

        // Two messages were in flight when the campaign was cancelled: the platform accepted them, one was then read.
        var store = host.Services.GetRequiredService<DeliveryStore>();
        await store.RecordSentAsync(tenant, id, $"wamid.{id}.1", sequences[0]);
        await store.ApplyStatusAsync($"wamid.{id}.1", "read");
        await store.RecordSentAsync(tenant, id, $"wamid.{id}.2", sequences[1]);
        var status = (await (await client.GetAsync($"/api/campaigns/{id}")).ReadJsonAsync()).GetProperty("deliveries");
        var rows = (await (await client.GetAsync($"/api/campaigns/{id}/report")).ReadJsonAsync()).GetProperty("rows").EnumerateArray()
            .ToDictionary(r => r.GetProperty("sequence").GetInt32(), r => r.TryGetProperty("deliveryStatus", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null);
        var csv = (await (await client.GetAsync($"/api/campaigns/{id}/report.csv")).Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal((1, 0, 1, 0), (status.GetProperty("sent").GetInt64(), status.GetProperty("delivered").GetInt64(), status.GetProperty("read").GetInt64(), status.GetProperty("failed").GetInt64()));
        Assert.Equal(new Dictionary<int, string?> { [sequences[0]] = "read", [sequences[1]] = "sent", [sequences[2]] = null }, rows);
        Assert.EndsWith(",delivery_status", csv[0], StringComparison.Ordinal);
        var cells = csv.Skip(1).Select(l => l.Split(',')).ToDictionary(c => int.Parse(c[0], CultureInfo.InvariantCulture), c => c[^1]);
        Assert.Equal(new Dictionary<int, string> { [sequences[0]] = "read", [sequences[1]] = "sent", [sequences[2]] = "" }, cells);
    }

    [Fact(Timeout = 60_000)]
    public async Task Register_BadInputAndRevokedToken_AnswerProblemsNamingTheField()
    {
        await using var host = await StartAsync(workers: false);
        host.Simulator.WhatsApp.Configure(s => s.RevokedTokens = ["EAAG-revoked"]);
        var client = host.Client(EngineApiHost.NewTenant());
        var number = NewNumberId();

        await (await client.PostJsonAsync("/api/accounts/whatsapp-numbers", """{"phoneNumberId":"12ab","accessToken":"EAAG-x"}""")).AssertProblemAsync(HttpStatusCode.BadRequest, "phoneNumberId");
        await (await client.PostJsonAsync("/api/accounts/whatsapp-numbers", $$$"""{"phoneNumberId":"{{{number}}}","accessToken":"EAAG-revoked"}""")).AssertProblemAsync(HttpStatusCode.BadRequest, "accessToken");
        await (await client.PostJsonAsync("/api/accounts/whatsapp-numbers", $$$"""{"phoneNumberId":"{{{number}}}","accessToken":"EAAG-ok","limits":{"messagingTier":3000}}""")).AssertProblemAsync(HttpStatusCode.BadRequest, "limits.messagingTier");
        var created = await client.PostJsonAsync("/api/accounts/whatsapp-numbers", $$$"""{"phoneNumberId":"{{{number}}}","accessToken":"EAAG-secret-token-value","limits":{"messagingTier":2000}}""");
        var text = await created.Content.ReadAsStringAsync();
        var again = await host.Client(EngineApiHost.NewTenant()).PostJsonAsync("/api/accounts/whatsapp-numbers", $$$"""{"phoneNumberId":"{{{number}}}","accessToken":"EAAG-ok"}""");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.DoesNotContain("EAAG-secret-token-value", text, StringComparison.Ordinal);
        var account = (await created.ReadJsonAsync()).GetProperty("account");
        Assert.Equal(($"wa-{number}", "whatsApp"), (account.Str("accountId"), account.Str("platform")));
        Assert.Equal(2000, account.GetProperty("limits").GetProperty("messagesPerDay").GetInt32());
        await again.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact(Timeout = 60_000)]
    public async Task CreateCampaign_TemplateProblems_AnsweredBeforeStartNamingTheField()
    {
        await using var host = await StartAsync(workers: false);
        var client = host.Client(EngineApiHost.NewTenant());
        await RegisterAsync(client, NewNumberId());
        const string Two = """[{"phone":"+4917000000001","name":"Ann","fields":{"promo":"P1"}},{"phone":"+4917000000002","name":"Bob"}]""";

        var malformed = await client.PostJsonAsync("/api/campaigns", $$$"""{"platform":"whatsApp","actions":["botMessage"],"message":"template:Spring Promo:en_US","recipients":{{{Two}}}}""");
        var noneHaveField = await client.PostJsonAsync("/api/campaigns", $$$"""{"platform":"whatsApp","actions":["botMessage"],"message":"template:promo:en_US:code","recipients":{{{Two}}}}""");
        var noPhones = await client.PostJsonAsync("/api/campaigns", """{"platform":"whatsApp","actions":["botMessage"],"message":"template:promo:en_US","recipients":[{"userId":5}]}""");
        var someLack = await client.CreateCampaignAsync($$$"""{"platform":"whatsApp","actions":["botMessage"],"message":"template:promo:en_US:name,promo","recipients":{{{Two}}}}""");

        await malformed.AssertProblemAsync(HttpStatusCode.BadRequest, "message", "Not a template directive");
        await noneHaveField.AssertProblemAsync(HttpStatusCode.BadRequest, "message", "'code'");
        await noPhones.AssertProblemAsync(HttpStatusCode.BadRequest, "recipients", "phone number");
        Assert.Contains(someLack.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("1 of 2 recipients lack the template field 'promo'", StringComparison.Ordinal));
    }

    private Task<EngineApiHost> StartAsync(bool workers) => EngineApiHost.StartAsync(azurite, output, o =>
    {
        o.Workers = workers;
        o.Settings["Herald:Platforms:WhatsAppCloud:AppSecret"] = AppSecret;
        o.Settings["Herald:Platforms:WhatsAppCloud:VerifyToken"] = VerifyToken;
        o.Settings["Herald:Platforms:WhatsAppCloud:DefaultTier"] = "2000";
    });

    private static string NewNumberId() => Random.Shared.NextInt64(100_000_000_000_000, 999_999_999_999_999).ToString(CultureInfo.InvariantCulture);

    private static async Task RegisterAsync(HttpClient client, string number)
    {
        var response = await client.PostJsonAsync("/api/accounts/whatsapp-numbers", $$$"""{"phoneNumberId":"{{{number}}}","accessToken":"EAAG-{{{number}}}","limits":{"messagingTier":2000}}""");
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }


    private static Task<HttpResponseMessage> PostSignedAsync(HttpClient client, string body, string secret)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/whatsapp") { Content = content };
        request.Headers.TryAddWithoutValidation(WhatsAppWebhookSignature.HeaderName, WhatsAppWebhookSignature.Sign(secret, bytes));
        return client.SendAsync(request);
    }

    private static string Reply(string number, string from, string text) => $$$"""
        {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"messaging_product":"whatsapp",
        "metadata":{"display_phone_number":"{{{number}}}","phone_number_id":"{{{number}}}"},
        "messages":[{"from":"{{{from}}}","id":"wamid.x","timestamp":"1","type":"text","text":{"body":"{{{text}}}"}}]}}]}]}
        """;

    // Each recipient's row is written just after the campaign's counts, so it may trail them by a moment.
    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> until)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var last = await read();
        while (!until(last) && !deadline.IsCancellationRequested)
        {
            await Task.Delay(100);
            last = await read();
        }

        return last;
    }

    private static async Task<JsonElement> WaitForDeliveriesAsync(HttpClient client, string id, Func<JsonElement, bool> until)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        JsonElement last = default;
        while (!deadline.IsCancellationRequested)
        {
            last = await (await client.GetAsync($"/api/campaigns/{id}/deliveries")).ReadJsonAsync();
            if (until(last))
            {
                return last;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Deliveries of {id} did not arrive; last: {last}");
    }
}
