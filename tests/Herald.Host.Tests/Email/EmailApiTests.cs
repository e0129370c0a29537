extern alias simulator;

using System.Net;
using System.Text;
using Herald.Core.Domain;
using Herald.Engine.Suppression;
using Herald.Host.Tests.Infrastructure;
using Herald.Platforms.Email;
using Herald.Testing;
using simulator::Herald.Simulator.Dns;

namespace Herald.Host.Tests.Email;

/// <summary>The e-mail platform through the real host: mailbox registration, address validation, one-click unsubscribes.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class EmailApiTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string Secret = "unsubscribe-secret-for-host-tests";

    [Fact(Timeout = 60_000)]
    public async Task OneClickUnsubscribe_PostSuppressesForTheTenant_GetOnlyAsks()
    {
        await using var host = await StartAsync();
        var tenant = EngineApiHost.NewTenant();
        var client = host.Client(tenant);
        var anonymous = host.Factory.CreateClient();
        var token = UnsubscribeToken.Create(Secret, tenant, "u:ann@example.org");

        var page = await anonymous.GetAsync($"/unsubscribe/email?t={token}");
        var afterGet = await client.ListSuppressionsAsync();
        var post = await anonymous.PostAsync($"/unsubscribe/email?t={token}", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        var again = await anonymous.PostAsync($"/unsubscribe/email?t={token}", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        var forged = await anonymous.PostAsync($"/unsubscribe/email?t={UnsubscribeToken.Create("some-other-secret-value", tenant, "u:bob@example.org")}", null);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<form method=\"post\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(afterGet);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (post.StatusCode, again.StatusCode));
        await forged.AssertProblemAsync(HttpStatusCode.BadRequest, "t");
        var entry = Assert.Single(await client.ListSuppressionsAsync());
        Assert.Equal((SuppressionStore.HashOf(new Recipient(Username: "ann@example.org")), "unsubscribed"), (entry.Str("hash"), entry.Str("reason")));
        Assert.Empty(await host.Client(EngineApiHost.NewTenant()).ListSuppressionsAsync());
    }

    [Fact(Timeout = 60_000)]
    public async Task OneClickUnsubscribe_TheNextEmailCampaignSkipsTheRecipient()
    {
        await using var host = await StartAsync();
        var tenant = EngineApiHost.NewTenant();
        var client = host.Client(tenant);
        var registered = await client.PostJsonAsync("/api/accounts/email", """{"provider":"sim","username":"sender@herald.test","password":"pw"}""");
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);

        var unsubscribed = await host.Factory.CreateClient().PostAsync($"/unsubscribe/email?t={UnsubscribeToken.Create(Secret, tenant, "id:1")}", null);
        var created = await client.CreateCampaignAsync("""
            {"platform":"email","actions":["personalMessage"],"message":"Subject: Hi\nHello {{name}}","recipients":[
              {"userId":1,"name":"Ann","fields":{"email":"ann@example.org"}},{"userId":2,"name":"Bob","fields":{"email":"bob@example.org"}}]}
            """);

        Assert.Equal(HttpStatusCode.OK, unsubscribed.StatusCode);
        Assert.Equal((2, 1), (created.GetProperty("total").GetInt32(), created.GetProperty("suppressed").GetInt32()));
    }

    [Fact(Timeout = 60_000)]
    public async Task EmailOnlyRecipients_InlineAndImportedLists_KeptByAddressAndInvalidOnesDroppedWithAReason()
    {
        await using var host = await StartAsync();
        var tenant = EngineApiHost.NewTenant();
        var client = host.Client(tenant);
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync("/api/accounts/email", """{"provider":"sim","username":"sender@herald.test","password":"pw"}""")).StatusCode);
        var unsubscribed = await host.Factory.CreateClient().PostAsync($"/unsubscribe/email?t={UnsubscribeToken.Create(Secret, tenant, "e:dora@example.org")}", null);

        var inline = await client.CreateCampaignAsync("""
            {"platform":"email","actions":["personalMessage"],"message":"Subject: Hi\nHello {{name|there}} at {{email}}","recipients":[
              {"email":"ann@example.org","name":"Ann"},{"fields":{"email":"Bob@Example.org"}},{"email":"bob@example.org"},
              {"email":"not an address"},{"email":"Dora@example.org"}]}
            """);
        var csv = await (await client.PostAsync("/api/imports", new StringContent("email,name\nann@example.org,Ann\ncarl@example.org,Carl\nbroken@,X\n", Encoding.UTF8, "text/csv"))).ReadJsonAsync();
        var json = await (await client.PostAsync("/api/imports", new StringContent("""[{"e-mail":"eve@example.org"},{"e-mail":"eve@"}]""", Encoding.UTF8, "application/json"))).ReadJsonAsync();
        var fromImport = await client.CreateCampaignAsync($$$"""{"platform":"email","actions":["personalMessage"],"message":"Subject: Hi\nHello {{name}}","importId":"{{{csv.Str("id")}}}"}""");

        Assert.Equal(HttpStatusCode.OK, unsubscribed.StatusCode);
        Assert.Equal((3, 1), (inline.GetProperty("total").GetInt32(), inline.GetProperty("suppressed").GetInt32()));
        Assert.Equal(
            [(3, "duplicate"), (4, "invalid_email")],
            inline.GetProperty("recipients").GetProperty("droppedRows").EnumerateArray().Select(r => (r.GetProperty("row").GetInt32(), r.Str("reason"))));
        Assert.Empty(inline.GetProperty("templateGaps").EnumerateArray());
        Assert.Equal(["email", "name"], csv.GetProperty("columns").EnumerateArray().Select(c => c.Str("role")));
        Assert.Equal(["email"], csv.GetProperty("fieldNames").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(2, csv.GetProperty("recipients").GetInt32());
        Assert.Equal((4, "invalid_email"), csv.GetProperty("droppedRows").EnumerateArray().Select(r => (r.GetProperty("row").GetInt32(), r.Str("reason"))).Single());
        Assert.DoesNotContain("broken@", csv.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, json.GetProperty("recipients").GetInt32());
        Assert.Equal("invalid_email", json.GetProperty("droppedRows").EnumerateArray().Single().Str("reason"));
        Assert.Equal(2, fromImport.GetProperty("total").GetInt32());
    }

    [Fact(Timeout = 60_000)]
    public async Task RegisterAndValidate_MailboxWarmsUp_AddressesCheckedAgainstDns()
    {
        await using var dns = DnsAnswerer.Start();
        dns.Mx["good.test"] = [(10, "mx.good.test")];
        await using var host = await StartAsync(o => o.Settings["Herald:Platforms:Email:Validation:DnsServers:0"] = dns.Endpoint);
        var client = host.Client(EngineApiHost.NewTenant());

        await (await client.PostJsonAsync("/api/accounts/email", """{"provider":"nope","username":"a@b.test","password":"x"}""")).AssertProblemAsync(HttpStatusCode.BadRequest, "provider");
        await (await client.PostJsonAsync("/api/accounts/email", """{"provider":"sim","username":"login","password":"x"}""")).AssertProblemAsync(HttpStatusCode.BadRequest, "username");
        var created = await client.PostJsonAsync("/api/accounts/email", """{"provider":"sim","username":"sender@herald.test","password":"app-password-123","fromName":"Herald"}""");
        var text = await created.Content.ReadAsStringAsync();
        var duplicate = await client.PostJsonAsync("/api/accounts/email", """{"provider":"SIM","username":"Sender@herald.test","password":"other"}""");
        var validated = await client.PostJsonAsync("/api/email/validate", """{"addresses":["ann@good.test","bob@nowhere.test","not an address"]}""");
        var tooMany = await client.PostJsonAsync("/api/email/validate", """{"addresses":[]}""");

        Assert.True(created.StatusCode == HttpStatusCode.Created, text);
        Assert.DoesNotContain("app-password-123", text, StringComparison.Ordinal);
        var account = (await created.ReadJsonAsync()).GetProperty("account");
        Assert.Equal(("email", "user", "warming"), (account.Str("platform"), account.Str("kind"), account.Str("status")));
        await duplicate.AssertProblemAsync(HttpStatusCode.Conflict);
        var results = (await validated.ReadJsonAsync()).GetProperty("results").EnumerateArray()
            .Select(r => (r.Str("address"), r.GetProperty("valid").GetBoolean(), r.GetProperty("reason").GetString())).ToList();
        Assert.Equal([("ann@good.test", true, null), ("bob@nowhere.test", false, "no_mx"), ("not an address", false, "invalid_syntax")], results);
        await tooMany.AssertProblemAsync(HttpStatusCode.BadRequest, "addresses");
    }

    private Task<EngineApiHost> StartAsync(Action<EngineApiOptions>? more = null) => EngineApiHost.StartAsync(azurite, output, o =>
    {
        o.Workers = false;
        o.Settings["Herald:Platforms:Email:UnsubscribeUrl"] = "http://127.0.0.1:5080/unsubscribe/email";
        o.Settings["Herald:Platforms:Email:UnsubscribeSecret"] = Secret;
        o.Settings["Herald:Platforms:Email:Providers:sim:Host"] = "127.0.0.1";
        o.Settings["Herald:Platforms:Email:Providers:sim:Port"] = "2525";
        o.Settings["Herald:Platforms:Email:Providers:sim:Security"] = "None";
        more?.Invoke(o);
    });

}
