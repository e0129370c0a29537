extern alias simulator;

using System.Net;
using System.Text;
using Herald.Host.Messages;
using Herald.Host.Resources;
using Herald.Host.Tests.Infrastructure;
using Herald.Testing;
using Microsoft.AspNetCore.Routing;
using simulator::Herald.Simulator;

namespace Herald.Host.Tests.Tenancy;

/// <summary>
/// Tenant B calls every API route the app maps (read from its <see cref="EndpointDataSource"/>, so a new route is covered
/// or this test fails until it is) with tenant A's ids: 404, never 403, never A's data; routes without an id answer B's
/// data only; and A's resources are untouched afterwards.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CrossTenantTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string NameOfA = "Anastasia-of-tenant-A";
    private const string UserAccount = "user-account";

    [Fact(Timeout = 90_000)]
    public async Task EveryRoute_AnotherTenantsIds_NotFoundAndNeverTheirData()
    {
        var tokenA = EngineApiHost.NewBotToken();
        await using var host = await EngineApiHost.StartAsync(azurite, output, o =>
        {
            o.Workers = false;
            o.Simulator.Groups = [new SimulatedGroup { ChatId = -100_321, Username = "herald_group", InviteAdministrators = [EngineApiHost.BotIdOf(tokenA)] }];
        });
        var tenantA = EngineApiHost.NewTenant("a");
        var a = host.Client(tenantA);
        var b = host.Client(EngineApiHost.NewTenant("b"));
        var resources = await CreateOneOfEachAsync(a, tokenA);
        // A message tenant A sent (without workers nobody sends it through the bot's lane: it is written as sent).
        resources["/api/messages"] = ResourceIds.New();
        await host.Services.GetRequiredService<MessageStore>().AddAsync(new MessageRecord
        {
            Id = resources["/api/messages"], TenantId = tenantA, AccountId = resources["/api/accounts"], ChatId = "4242", PlatformMessageId = 1, SentAt = DateTimeOffset.UtcNow,
        });
        var markers = resources.Values.Append(NameOfA).Append(tokenA[(tokenA.IndexOf(':', StringComparison.Ordinal) + 1)..]).ToList();

        var routes = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (Method: m, Pattern: e.RoutePattern.RawText!.TrimEnd('/'), e.RoutePattern.Parameters.Count)))
            .OrderBy(r => r.Method == "GET" ? 1 : 0)
            .ToList();
        Assert.True(routes.Count >= 25, $"Only {routes.Count} API routes found.");
        var samples = IdLessSamples(resources);
        var checkedRoutes = 0;
        foreach (var (method, pattern, parameters) in routes)
        {
            output.WriteLine($"{method} {pattern}");
            HttpResponseMessage response;
            if (parameters > 0)
            {
                var (parameter, id) = resources.Single(r => pattern.StartsWith(r.Key + "/", StringComparison.Ordinal)) is var (prefix, value)
                    ? (pattern[(prefix.Length + 1)..].Split('/')[0], value)
                    : default;
                // A second id in the route (a campaign's account) is tenant A's too.
                var path = pattern.Replace(parameter, id, StringComparison.Ordinal).Replace("{accountId}", resources[UserAccount], StringComparison.Ordinal);
                response = await b.SendAsync(Request(method, path, IdRouteBody(method, pattern)));
                var body = await response.AssertProblemAsync(HttpStatusCode.NotFound);
                AssertNoLeak(body.ToString(), markers.Where(m => m != id), $"{method} {pattern}");
            }
            else if (method == "GET")
            {
                response = await b.GetAsync(pattern);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var text = await response.Content.ReadAsStringAsync();
                AssertNoLeak(text, markers, $"{method} {pattern}");
            }
            else
            {
                Assert.True(samples.TryGetValue($"{method} {pattern}", out var sample), $"No cross-tenant sample for {method} {pattern}: add one.");
                using var request = sample.Request();
                var sent = request.Content is null ? "" : await request.Content.ReadAsStringAsync();
                response = await b.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == sample.Expected, $"{method} {pattern}: expected {(int)sample.Expected}, got {(int)response.StatusCode}: {text}");
                AssertNoLeak(text, markers.Where(m => !sent.Contains(m, StringComparison.Ordinal)), $"{method} {pattern}");
            }

            Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
            checkedRoutes++;
        }

        Assert.Equal(routes.Count, checkedRoutes);
        var withAccounts = await b.PostJsonAsync("/api/campaigns", $$"""{"actions":["botMessage"],"message":"Hi","recipients":[{"userId":1}],"accounts":["{{resources["/api/accounts"]}}"]}""");
        await withAccounts.AssertProblemAsync(HttpStatusCode.BadRequest, "accounts", "Unknown accounts");
        await AssertUntouchedAsync(a, resources);
    }

    private static void AssertNoLeak(string text, IEnumerable<string> markers, string route)
    {
        var leaked = markers.FirstOrDefault(m => text.Contains(m, StringComparison.Ordinal));
        Assert.True(leaked is null, $"{route} answered tenant A's '{leaked}': {text}");
    }

    private static async Task<Dictionary<string, string>> CreateOneOfEachAsync(HttpClient a, string token)
    {
        var bot = await a.RegisterBotAsync(token);
        var user = (await (await a.PostJsonAsync("/api/accounts/telegram-users", """{"session":"a-session"}""")).ReadJsonAsync()).GetProperty("account").Str("accountId");
        var import = (await (await a.PostAsync("/api/imports", new StringContent("username,name\nanna_of_a," + NameOfA + "\n", Encoding.UTF8, "text/csv"))).ReadJsonAsync()).Str("id");
        var campaign = (await a.CreateCampaignAsync($$"""{"actions":["botMessage"],"message":"Hi","recipients":[{"userId":1,"name":"{{NameOfA}}"}]}""")).Str("id");
        var apiKey = (await (await a.PostJsonAsync("/api/api-keys", """{"name":"key-of-a"}""")).ReadJsonAsync()).GetProperty("apiKey").Str("id");
        var hash = (await (await a.PostJsonAsync("/api/suppressions", """{"recipients":[{"userId":99}]}""")).ReadJsonAsync()).GetProperty("added")[0].Str("hash");
        return new Dictionary<string, string>
        {
            ["/api/campaigns"] = campaign,
            ["/api/imports"] = import,
            ["/api/accounts"] = bot,
            ["/api/suppressions"] = hash,
            ["/api/api-keys"] = apiKey,
            [UserAccount] = user,
        };
    }

    private static string? IdRouteBody(string method, string pattern) => (method, pattern) switch
    {
        ("POST", "/api/accounts/{id}/check-admin") => """{"chat":"@herald_group"}""",
        ("POST", "/api/accounts/{id}/login/code") => """{"code":"12345"}""",
        ("POST", "/api/accounts/{id}/login/password") => """{"password":"hijacked"}""",
        ("PUT", "/api/accounts/{id}/limits") => """{"messagesPerDay":1}""",
        ("PATCH", "/api/messages/{id}") => """{"text":"hijacked"}""",
        ("PATCH", "/api/campaigns/{id}") => """{"name":"hijacked"}""",
        _ => null,
    };

    private static HttpRequestMessage Request(string method, string path, string? json, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, contentType);
        }

        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return request;
    }

    private static Dictionary<string, (Func<HttpRequestMessage> Request, HttpStatusCode Expected)> IdLessSamples(Dictionary<string, string> a) => new()
    {
        ["POST /api/campaigns"] = (() => Request("POST", "/api/campaigns", $$"""{"actions":["botMessage"],"message":"Hi","importId":"{{a["/api/imports"]}}"}"""), HttpStatusCode.BadRequest),
        ["POST /api/imports"] = (() => Request("POST", "/api/imports", "username\nbob_of_b\n", "text/csv"), HttpStatusCode.Created),
        ["POST /api/suppressions"] = (() => Request("POST", "/api/suppressions", """{"recipients":[{"userId":555}]}"""), HttpStatusCode.OK),
        ["POST /api/accounts/telegram-bots"] = (() => Request("POST", "/api/accounts/telegram-bots", $$"""{"token":"{{EngineApiHost.NewBotToken()}}"}"""), HttpStatusCode.Created),
        ["POST /api/accounts/telegram-users"] = (() => Request("POST", "/api/accounts/telegram-users", """{"session":"b-session"}"""), HttpStatusCode.Created),
        // No integration-service configured here: a problem naming the service, for tenant b alone.
        ["POST /api/accounts/import"] = (() => Request("POST", "/api/accounts/import", "{}"), HttpStatusCode.Conflict),
        // Registration with a field missing: answered for tenant b alone, never with a's data.
        ["POST /api/accounts/whatsapp-numbers"] = (() => Request("POST", "/api/accounts/whatsapp-numbers", """{"phoneNumberId":"1055500000001"}"""), HttpStatusCode.BadRequest),
        ["POST /api/accounts/email"] = (() => Request("POST", "/api/accounts/email", """{"provider":"none","username":"b@example.org"}"""), HttpStatusCode.BadRequest),
        ["POST /api/email/validate"] = (() => Request("POST", "/api/email/validate", """{"addresses":[]}"""), HttpStatusCode.BadRequest),
        ["POST /api/api-keys"] = (() => Request("POST", "/api/api-keys", """{"name":"key-of-b"}"""), HttpStatusCode.Created),
        ["POST /api/messages"] = (() => Request("POST", "/api/messages", $$"""{"accountId":"{{a["/api/accounts"]}}","chatId":"4242","text":"hijacked"}"""), HttpStatusCode.NotFound),
    };

    private static async Task AssertUntouchedAsync(HttpClient a, Dictionary<string, string> resources)
    {
        Assert.Equal("running", (await (await a.GetAsync($"/api/campaigns/{resources["/api/campaigns"]}")).ReadJsonAsync()).Str("status"));
        Assert.Equal("active", (await (await a.GetAsync($"/api/accounts/{resources["/api/accounts"]}")).ReadJsonAsync()).Str("status"));
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync($"/api/accounts/{resources[UserAccount]}")).StatusCode);
        Assert.Equal("sent", (await (await a.GetAsync($"/api/messages/{resources["/api/messages"]}")).ReadJsonAsync()).Str("status"));
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync($"/api/imports/{resources["/api/imports"]}")).StatusCode);
        var keys = await (await a.GetAsync("/api/api-keys")).ReadJsonAsync();
        Assert.Equal([resources["/api/api-keys"]], keys.GetProperty("items").EnumerateArray().Select(e => e.Str("id")));
        var suppressions = await (await a.GetAsync("/api/suppressions")).ReadJsonAsync();
        Assert.Equal([resources["/api/suppressions"]], suppressions.GetProperty("items").EnumerateArray().Select(e => e.Str("hash")));
    }
}
