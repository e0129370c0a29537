extern alias simulator;

using System.Net;
using Herald.Host.Tests.Infrastructure;
using Herald.Testing;
using simulator::Herald.Simulator.Integrations;

namespace Herald.Host.Tests.Integrations;

/// <summary><c>POST /api/campaigns</c> with <c>audience</c>: a parsing-service dataset read over loopback HTTP through the import rules.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CampaignAudienceApiTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    /// <summary>A dry-run campaign on the audience <c>ID</c>.</summary>
    internal const string Campaign = """{"actions":["personalMessage"],"message":"Hi {{name|there}}","dryRun":true,"audience":{"parsedDataId":"ID"}}""";

    [Fact(Timeout = 90_000)]
    public async Task Create_Audience_JsonAndCsvDatasetsDedupedWithReasonsOrProblems()
    {
        await using var host = await IntegrationsHost.StartAsync(azurite, output);
        var tenant = EngineApiHost.NewTenant();
        var other = EngineApiHost.NewTenant();
        host.Simulator.Integrations.Load(new IntegrationsScenario
        {
            ParsedData =
            [
                new() { Id = "chat-42", UserId = tenant, Content = """[{"username":"@ann_a","name":"Ann"},{"username":"ann_a"},{"user_id":5001},{"note":"no id"},{"phone":"+4915112345678"}]""" },
                new() { Id = "chat-43.csv", UserId = tenant, Format = "csv", Content = "username,name\nbob_b,Bob\ncid_c,Cid\nbob_b,Bob again\n" },
                new() { Id = "theirs", UserId = other, Content = """[{"username":"eve_e"}]""" },
            ],
        });
        var client = host.Client(tenant);

        var json = await client.CreateCampaignAsync(Campaign.Replace("ID", "chat-42", StringComparison.Ordinal));
        Assert.Equal(3, json.GetProperty("total").GetInt32());
        var intake = json.GetProperty("recipients");
        Assert.Equal(5, intake.GetProperty("received").GetInt32());
        Assert.Equal(2, intake.GetProperty("dropped").GetInt32());
        Assert.Equal(1, intake.GetProperty("droppedCounts").GetProperty("duplicate").GetInt32());
        Assert.Equal(1, intake.GetProperty("droppedCounts").GetProperty("no_identifier").GetInt32());
        Assert.StartsWith("dataset chat-42, import ", json.Str("source"), StringComparison.Ordinal);
        var import = await (await client.GetAsync($"/api/imports/{intake.Str("importId")}")).ReadJsonAsync();
        Assert.Equal("dataset", import.GetProperty("source").Str("kind"));

        var csv = await client.CreateCampaignAsync(Campaign.Replace("ID", "chat-43.csv", StringComparison.Ordinal));
        Assert.Equal(2, csv.GetProperty("total").GetInt32());

        // Unknown here, or another tenant's: the same answer, naming the field.
        await (await client.PostJsonAsync("/api/campaigns", Campaign.Replace("ID", "nope", StringComparison.Ordinal))).AssertProblemAsync(HttpStatusCode.BadRequest, "audience.parsedDataId");
        await (await client.PostJsonAsync("/api/campaigns", Campaign.Replace("ID", "theirs", StringComparison.Ordinal))).AssertProblemAsync(HttpStatusCode.BadRequest, "audience.parsedDataId");
        await (await client.PostJsonAsync("/api/campaigns", Campaign.Replace("ID", "a/b", StringComparison.Ordinal))).AssertProblemAsync(HttpStatusCode.BadRequest, "audience.parsedDataId");
        await (await client.PostJsonAsync("/api/campaigns", """{"actions":["personalMessage"],"message":"Hi","audience":{"parsedDataId":"chat-42"},"recipients":[{"username":"x_y_z"}]}"""))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "audience");

        host.Simulator.Integrations.FailNext(IntegrationsState.ParsingService, 10, 500);
        var down = await (await client.PostJsonAsync("/api/campaigns", Campaign.Replace("ID", "chat-42", StringComparison.Ordinal))).AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal(IntegrationsState.ParsingService, down.Str("service"));
    }
}
