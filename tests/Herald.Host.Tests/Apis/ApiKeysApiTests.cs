using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Herald.Host.Authentication;
using Herald.Host.Storage;
using Herald.Host.Tests.Infrastructure;
using Herald.Testing;

namespace Herald.Host.Tests.Apis;

[Collection(ApiAzuriteCollection.Name)]
public sealed class ApiKeysApiTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact(Timeout = 90_000)]
    public async Task ApiKey_CreateUseListRevoke_SecondHostRefusesItWithinSeconds()
    {
        await using var first = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);
        await using var second = await EngineApiHost.StartAsync(azurite, null, o => o.Workers = false);
        var tenant = EngineApiHost.NewTenant();
        var admin = first.Client(tenant);

        var created = await admin.PostJsonAsync("/api/api-keys", """{"name":"crm-sync"}""");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.True(created.Headers.CacheControl?.NoStore);
        var issued = await created.ReadJsonAsync();
        var key = issued.Str("key");
        var id = issued.GetProperty("apiKey").Str("id");
        Assert.StartsWith("hk_", key, StringComparison.Ordinal);
        Assert.Equal($"/api/api-keys/{id}", created.Headers.Location?.OriginalString);
        var service = KeyClient(second, key);
        var whoami = await (await service.GetAsync("/api/whoami")).ReadJsonAsync();
        Assert.Equal(tenant, whoami.Str("tenantId"));
        Assert.Equal("api-key:crm-sync", whoami.Str("actor"));
        Assert.Equal(HttpStatusCode.OK, (await service.GetAsync("/api/campaigns")).StatusCode);

        var listText = await (await admin.GetAsync("/api/api-keys")).Content.ReadAsStringAsync();
        var listed = Assert.Single(JsonDocument.Parse(listText).RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(id, listed.Str("id"));
        Assert.Equal("crm-sync", listed.Str("name"));
        Assert.Equal(key[..10], listed.Str("prefix"));
        Assert.False(listed.GetProperty("readOnly").GetBoolean());
        Assert.Equal(JsonValueKind.String, listed.GetProperty("created").ValueKind);
        Assert.Equal(JsonValueKind.String, listed.GetProperty("lastUsed").ValueKind);
        Assert.DoesNotContain(key, listText, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKeys.Hash(key), listText, StringComparison.Ordinal);
        var row = (await azurite.CreateTableServiceClient().GetTableClient(HostTables.ApiKeys).GetEntityAsync<TableEntity>("apikey", ApiKeys.Hash(key))).Value;
        Assert.DoesNotContain(((IDictionary<string, object>)row).Values, v => v is string s && s.Contains(key[10..], StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/api-keys/{id}")).StatusCode);

        var clock = Stopwatch.StartNew();
        HttpStatusCode status;
        while ((status = (await service.GetAsync("/api/whoami")).StatusCode) == HttpStatusCode.OK && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(200);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await KeyClient(first, key).GetAsync("/api/whoami")).StatusCode);
        await (await admin.DeleteAsync($"/api/api-keys/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await (await admin.GetAsync("/api/api-keys")).ReadJsonAsync()).GetProperty("items").EnumerateArray());
        var audit = (await (await admin.GetAsync("/api/audit")).ReadJsonAsync()).GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(["apikey.create", "apikey.revoke"], audit.Select(e => e.Str("action")).Reverse());
        Assert.All(audit, e => Assert.Equal(id, e.Str("resourceId")));
        Assert.DoesNotContain(key, first.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task ReadOnlyKey_ReadsStatusButEveryWriteAnswers403Problem()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);
        var tenant = EngineApiHost.NewTenant();
        var admin = host.Client(tenant);
        var issued = await (await admin.PostJsonAsync("/api/api-keys", """{"name":"dashboard","readOnly":true}""")).ReadJsonAsync();
        Assert.True(issued.GetProperty("apiKey").GetProperty("readOnly").GetBoolean());
        var reader = KeyClient(host, issued.Str("key"));

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/campaigns")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/accounts")).StatusCode);
        var refused = await (await reader.PostJsonAsync("/api/campaigns", """{"actions":["botMessage"],"message":"Hi","recipients":[{"userId":1}]}""")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("read-only", refused.Str("detail"), StringComparison.Ordinal);
        await (await reader.PostJsonAsync("/api/suppressions", """{"recipients":[{"userId":1}]}""")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await reader.DeleteAsync("/api/accounts/tg-bot-1")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await reader.PostJsonAsync("/api/api-keys", """{"name":"more"}""")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Empty((await (await admin.GetAsync("/api/campaigns")).ReadJsonAsync()).GetProperty("items").EnumerateArray());
    }

    [Fact(Timeout = 60_000)]
    public async Task ApiKey_CannotManageKeys_AndAnotherTenantsKeyAnswers404()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);
        var owner = host.Client(EngineApiHost.NewTenant("own"));
        var other = host.Client(EngineApiHost.NewTenant("oth"));
        var issued = await (await owner.PostJsonAsync("/api/api-keys", """{"name":"ci"}""")).ReadJsonAsync();
        var id = issued.GetProperty("apiKey").Str("id");
        var service = KeyClient(host, issued.Str("key"));

        var minted = await (await service.PostJsonAsync("/api/api-keys", """{"name":"copy"}""")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("bearer token", minted.Str("detail"), StringComparison.Ordinal);
        await (await service.DeleteAsync($"/api/api-keys/{id}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await other.DeleteAsync($"/api/api-keys/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await (await other.GetAsync("/api/api-keys")).ReadJsonAsync()).GetProperty("items").EnumerateArray());
        await (await owner.PostJsonAsync("/api/api-keys", """{"name":" "}""")).AssertProblemAsync(HttpStatusCode.BadRequest, "name");
        await (await owner.PostJsonAsync("/api/api-keys", """{"name":"<b>x</b>"}""")).AssertProblemAsync(HttpStatusCode.BadRequest, "name");

        Assert.Equal(HttpStatusCode.OK, (await service.GetAsync("/api/whoami")).StatusCode);
        Assert.Single((await (await owner.GetAsync("/api/api-keys")).ReadJsonAsync()).GetProperty("items").EnumerateArray());
    }

    [Fact(Timeout = 60_000)]
    public async Task OpenApi_ApiKeyRoutes_DeclareTheirProblemAnswers()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);

        var paths = (await (await host.Factory.CreateClient().GetAsync("/openapi/v1.json")).ReadJsonAsync()).GetProperty("paths");

        var create = paths.GetProperty("/api/api-keys").GetProperty("post").GetProperty("responses");
        Assert.True(create.GetProperty("201").TryGetProperty("content", out _));
        Assert.True(create.GetProperty("400").GetProperty("content").TryGetProperty("application/problem+json", out _));
        Assert.True(create.GetProperty("403").GetProperty("content").TryGetProperty("application/problem+json", out _));
        Assert.True(paths.GetProperty("/api/api-keys").GetProperty("get").GetProperty("responses").TryGetProperty("200", out _));
        var revoke = paths.GetProperty("/api/api-keys/{id}").GetProperty("delete").GetProperty("responses");
        Assert.True(revoke.GetProperty("404").GetProperty("content").TryGetProperty("application/problem+json", out _));
        Assert.True(revoke.TryGetProperty("204", out _));
    }

    private static HttpClient KeyClient(EngineApiHost host, string key)
    {
        var client = host.Factory.CreateClient();
        client.DefaultRequestHeaders.Add(HeraldAuthenticationDefaults.ApiKeyHeader, key);
        return client;
    }
}
