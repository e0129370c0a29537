using System.Net;
using System.Text;
using Herald.Host.Tests.Infrastructure;
using Herald.Testing;

namespace Herald.Host.Tests.Apis;

[Collection(ApiAzuriteCollection.Name)]
public sealed class CampaignUpdateApiTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact(Timeout = 60_000)]
    public async Task Patch_ScheduledCampaignWithItsETag_ChangesItAndAnOldETagAnswers412()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);
        var client = host.Client(EngineApiHost.NewTenant());
        var id = await CreateScheduledAsync(client);
        var read = await client.GetAsync($"/api/campaigns/{id}");
        var etag = read.Headers.ETag?.Tag;
        Assert.NotNull(etag);
        var newStart = TimeProvider.System.GetUtcNow().AddDays(3);

        var patched = await PatchAsync(client, id, etag, $$$"""
            {"name":"Spring sale","message":"{Hello|Hi} {{name}}, your code is {{promo}}","priority":7,"startAt":"{{{newStart:O}}}",
             "timeWindow":{"start":"10:00","end":"16:00","timeZone":"Europe/Berlin"}}
            """);

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.NotEqual(etag, patched.Headers.ETag?.Tag);
        var answer = await patched.ReadJsonAsync();
        Assert.Equal("{Hello|Hi} {{name}}, your code is {{promo}}", answer.Str("message"));
        Assert.Equal("10:00", answer.GetProperty("timeWindow").Str("start"));
        var listed = Assert.Single((await (await client.GetAsync("/api/campaigns")).ReadJsonAsync()).GetProperty("items").EnumerateArray());
        Assert.Equal("Spring sale", listed.Str("name"));
        Assert.Equal(7, listed.GetProperty("priority").GetInt32());
        Assert.Equal(newStart, listed.GetProperty("startAt").GetDateTimeOffset());
        Assert.Equal("scheduled", listed.Str("status"));
        Assert.Equal(patched.Headers.ETag?.Tag, (await client.GetAsync($"/api/campaigns/{id}")).Headers.ETag?.Tag);

        var lost = await (await PatchAsync(client, id, etag, """{"name":"Overwritten"}""")).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("scheduled", lost.Str("campaignStatus"));
        await (await PatchAsync(client, id, null, """{"name":"Overwritten"}""")).AssertProblemAsync(HttpStatusCode.PreconditionRequired);
        Assert.Equal("Spring sale", Assert.Single((await (await client.GetAsync("/api/campaigns")).ReadJsonAsync()).GetProperty("items").EnumerateArray()).Str("name"));
        var actions = (await (await client.GetAsync("/api/audit")).ReadJsonAsync()).GetProperty("entries").EnumerateArray().Select(e => e.Str("action")).ToList();
        Assert.Equal(["campaign.update", "campaign.create"], actions);
    }

    [Fact(Timeout = 60_000)]
    public async Task Patch_BadValues_400NamingTheFieldAndNothingChanges()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);
        var client = host.Client(EngineApiHost.NewTenant());
        var id = await CreateScheduledAsync(client);
        var etag = (await client.GetAsync($"/api/campaigns/{id}")).Headers.ETag?.Tag;

        await (await PatchAsync(client, id, etag, """{"priority":500}""")).AssertProblemAsync(HttpStatusCode.BadRequest, "priority");
        await (await PatchAsync(client, id, etag, """{"message":"<script>alert(1)</script>"}""")).AssertProblemAsync(HttpStatusCode.BadRequest, "message");
        await (await PatchAsync(client, id, etag, """{"message":"Hi {{coupon}}"}""")).AssertProblemAsync(HttpStatusCode.BadRequest, "message", "Unknown field");
        await (await PatchAsync(client, id, etag, $$"""{"message":"{{new string('x', 5000)}}"}""")).AssertProblemAsync(HttpStatusCode.BadRequest, "message");
        await (await PatchAsync(client, id, etag, $$"""{"startAt":"{{TimeProvider.System.GetUtcNow().AddDays(400):O}}"}""")).AssertProblemAsync(HttpStatusCode.BadRequest, "startAt");
        await (await PatchAsync(client, id, etag, """{"timeWindow":{"start":"25:00","end":"16:00","timeZone":"Mars/Base"}}""")).AssertProblemAsync(HttpStatusCode.BadRequest, "timeWindow.start");
        await (await PatchAsync(client, id, etag, """{"name":"x","dryRun":true}""")).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(etag, (await client.GetAsync($"/api/campaigns/{id}")).Headers.ETag?.Tag);
    }

    [Fact(Timeout = 60_000)]
    public async Task Patch_StartedOrCancelledOrAnotherTenants_409Or404()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);
        var client = host.Client(EngineApiHost.NewTenant());
        var running = (await client.CreateCampaignAsync("""{"actions":["botMessage"],"message":"Hi","recipients":[{"userId":1}]}""")).Str("id");
        var scheduled = await CreateScheduledAsync(client);

        var started = await (await PatchAsync(client, running, "*", """{"name":"Late"}""")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("running", started.Str("campaignStatus"));
        await (await PatchAsync(host.Client(EngineApiHost.NewTenant()), scheduled, "*", """{"name":"Mine"}""")).AssertProblemAsync(HttpStatusCode.NotFound);
        await client.PostAsync($"/api/campaigns/{scheduled}/cancel", null);
        var cancelled = await (await PatchAsync(client, scheduled, "*", """{"name":"Late"}""")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("cancelled", cancelled.Str("campaignStatus"));
    }

    private static async Task<string> CreateScheduledAsync(HttpClient client)
    {
        var created = await client.CreateCampaignAsync($$$"""
            {"name":"Draft","actions":["botMessage"],"message":"Hi {{name}}","startAt":"{{{TimeProvider.System.GetUtcNow().AddDays(1):O}}}",
             "recipients":[{"userId":1,"name":"Ann","fields":{"promo":"SPRING1"}},{"userId":2,"name":"Bob","fields":{"promo":"SPRING2"}}]}
            """);
        Assert.Equal("scheduled", created.Str("status"));
        return created.Str("id");
    }

    private static Task<HttpResponseMessage> PatchAsync(HttpClient client, string id, string? ifMatch, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/campaigns/{id}") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }
}
