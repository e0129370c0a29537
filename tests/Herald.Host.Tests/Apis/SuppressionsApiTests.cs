using System.Net;
using System.Text.Json;
using Herald.Core.Domain;
using Herald.Engine.Suppression;
using Herald.Host.Tests.Infrastructure;
using Herald.Testing;

namespace Herald.Host.Tests.Apis;

[Collection(ApiAzuriteCollection.Name)]
public sealed class SuppressionsApiTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact(Timeout = 60_000)]
    public async Task AddListRemove_NormalisedByHash_AndCampaignsSkipThem()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);
        var client = host.Client(EngineApiHost.NewTenant());

        var response = await client.PostJsonAsync("/api/suppressions", """
            {"recipients":[{"phone":"+49 151 3333 4444"},{"username":"@Some_User"},{"userId":77},{"username":"x"}],"reason":"asked_to_stop"}
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        var added = body.GetProperty("added").EnumerateArray().ToList();
        Assert.Equal(
            [SuppressionStore.HashOf(new Recipient(Phone: "+4915133334444")), SuppressionStore.HashOf(new Recipient(Username: "some_user")), SuppressionStore.HashOf(new Recipient(UserId: 77))],
            added.Select(a => a.Str("hash")));
        Assert.Equal("…4444", added[0].Str("hint"));
        Assert.Equal((4, "invalid_username"), body.GetProperty("dropped").EnumerateArray().Select(d => (d.GetProperty("row").GetInt32(), d.Str("reason"))).Single());
        Assert.DoesNotContain("3333 4444", body.ToString(), StringComparison.Ordinal);

        var first = await (await client.GetAsync("/api/suppressions?limit=2")).ReadJsonAsync();
        var second = await (await client.GetAsync($"/api/suppressions?limit=2&continuation={first.Str("continuation")}")).ReadJsonAsync();
        var listed = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).ToList();
        Assert.Equal(added.Select(a => a.Str("hash")).Order(StringComparer.Ordinal), listed.Select(e => e.Str("hash")));
        Assert.All(listed, e => Assert.Equal("asked_to_stop", e.Str("reason")));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("continuation").ValueKind);

        var created = await client.CreateCampaignAsync("""{"actions":["botMessage"],"message":"Hi","recipients":[{"userId":77},{"userId":78}]}""");
        Assert.Equal(1, created.GetProperty("suppressed").GetInt32());

        var hash = added[2].Str("hash");
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/suppressions/{hash}")).StatusCode);
        await (await client.DeleteAsync($"/api/suppressions/{hash}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.DeleteAsync("/api/suppressions/not-a-hash")).AssertProblemAsync(HttpStatusCode.NotFound);
        var actions = (await (await client.GetAsync("/api/audit")).ReadJsonAsync()).GetProperty("entries").EnumerateArray().Select(e => e.Str("action")).ToList();
        Assert.Contains("suppression.add", actions);
        Assert.Contains("suppression.remove", actions);
    }

    [Fact(Timeout = 60_000)]
    public async Task Add_BadInputs_AnswerProblemsNamingTheField()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o =>
        {
            o.Workers = false;
            o.Settings["Herald:Api:MaxInlineRecipients"] = "2";
        });
        var client = host.Client(EngineApiHost.NewTenant());

        await (await client.PostJsonAsync("/api/suppressions", """{"recipients":[{"userId":1}],"reason":"<b>stop</b>"}""")).AssertProblemAsync(HttpStatusCode.BadRequest, "reason");
        await (await client.PostJsonAsync("/api/suppressions", """{"recipients":[]}""")).AssertProblemAsync(HttpStatusCode.BadRequest, "recipients");
        await (await client.PostJsonAsync("/api/suppressions", """{"recipients":[{"userId":1},{"userId":2},{"userId":3}]}""")).AssertProblemAsync(HttpStatusCode.BadRequest, "recipients", "At most 2");
        await (await client.PostJsonAsync("/api/suppressions", """{"recipients":[{"userId":1,"name":"A"}]}""")).AssertProblemAsync(HttpStatusCode.BadRequest, "recipients[0].name", "Unknown field.");
        await (await client.GetAsync("/api/suppressions?continuation=zz")).AssertProblemAsync(HttpStatusCode.BadRequest, "continuation");
    }
}
