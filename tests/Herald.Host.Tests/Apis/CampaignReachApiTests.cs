using System.Net;
using System.Text;
using System.Text.Json;
using Herald.Host.Tests.Infrastructure;
using Herald.Testing;
using Herald.Testing.Fakes;

namespace Herald.Host.Tests.Apis;

/// <summary>
/// What would fail at send time is said when the campaign is created (issue 15 #6): recipients a bot cannot reach
/// (no user id, so <c>no_chat_id</c>) and template fields recipients lack (<c>template_error</c>).
/// </summary>
[Collection(ApiAzuriteCollection.Name)]
public sealed class CampaignReachApiTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact(Timeout = 90_000)]
    public async Task Create_BotBroadcastWithUsernameAndPhoneOnlyRecipients_DropsThemByRowWithWarningAndSendsToTheRest()
    {
        var platform = new FakePlatform();
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Platform = platform);
        var client = host.Client(EngineApiHost.NewTenant());
        await client.RegisterBotAsync(EngineApiHost.NewBotToken());

        var created = await client.CreateCampaignAsync("""
            {"actions":["botMessage"],"message":"Hi {{name}}",
             "recipients":[
               {"userId":3001,"name":"Ann"},
               {"username":"bob_username","name":"Bob"},
               {"phone":"+49 151 1234 5678","name":"Phil"},
               {"userId":3004,"username":"dana_d","name":"Dana"}]}
            """);

        Assert.Equal(2, created.GetProperty("total").GetInt32());
        var intake = created.GetProperty("recipients");
        Assert.Equal(4, intake.GetProperty("received").GetInt32());
        Assert.Equal(2, intake.GetProperty("kept").GetInt32());
        Assert.Equal(2, intake.GetProperty("dropped").GetInt32());
        Assert.Equal(2, intake.GetProperty("droppedCounts").GetProperty("unreachable_by_bot").GetInt32());
        Assert.Equal(
            [(2, "unreachable_by_bot", "user_id"), (3, "unreachable_by_bot", "user_id")],
            intake.GetProperty("droppedRows").EnumerateArray().Select(r => (r.GetProperty("row").GetInt32(), r.Str("reason"), r.Str("column"))));
        var warning = Assert.Single(created.GetProperty("warnings").EnumerateArray()).GetString()!;
        Assert.StartsWith("2 recipients have no user id and were dropped as unreachable_by_bot", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("bob_username", created.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("1234", created.ToString(), StringComparison.Ordinal);

        var status = await client.WaitForCampaignAsync(created.Str("id"), s => s.Str("status") is "completed" or "completed_with_errors");
        Assert.Equal("completed", status.Str("status"));
        Assert.Equal(["Hi Ann", "Hi Dana"], platform.Calls.Select(c => c.Text).Order());
    }

    [Fact(Timeout = 60_000)]
    public async Task Create_BotCampaignNobodyReachable_400NamingTheListField_UserAccountCampaignAccepted()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);
        var client = host.Client(EngineApiHost.NewTenant());
        const string Usernames = """[{"username":"first_user"},{"username":"second_user"}]""";
        var import = await (await client.PostAsync("/api/imports", new StringContent("username\nfirst_user\nsecond_user\n", Encoding.UTF8, "text/csv"))).ReadJsonAsync();

        await (await client.PostJsonAsync("/api/campaigns", $$"""{"actions":["botMessage"],"message":"Hi","recipients":{{Usernames}}}"""))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "recipients", "a Telegram bot can only message users who have a user id");
        await (await client.PostJsonAsync("/api/campaigns", $$"""{"actions":["botMessage"],"message":"Hi","importId":"{{import.Str("id")}}"}"""))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "importId", "none of the 2 recipients has one");

        var personal = await client.CreateCampaignAsync($$"""{"actions":["personalMessage"],"message":"Hi","recipients":{{Usernames}}}""");
        Assert.Equal(2, personal.GetProperty("total").GetInt32());
        Assert.DoesNotContain(personal.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("user id", StringComparison.Ordinal));
    }

    [Fact(Timeout = 60_000)]
    public async Task Create_InviteOnBotsOnly_DropsUnreachable()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);
        var client = host.Client(EngineApiHost.NewTenant());
        await client.RegisterBotAsync(EngineApiHost.NewBotToken());

        var created = await client.CreateCampaignAsync("""
            {"actions":["invite"],"targetChat":"@herald_group","recipients":[{"userId":4001},{"username":"no_id_user"}]}
            """);

        Assert.Equal(1, created.GetProperty("total").GetInt32());
        Assert.Equal(1, created.GetProperty("recipients").GetProperty("droppedCounts").GetProperty("unreachable_by_bot").GetInt32());
        Assert.Contains(created.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("1 recipient has no user id and was dropped", StringComparison.Ordinal));
    }

    [Fact(Timeout = 90_000)]
    public async Task Create_SomeRecipientsLackAField_AnswersGapsAndWarning_FallbackCoversTheOthers()
    {
        var platform = new FakePlatform();
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Platform = platform);
        var client = host.Client(EngineApiHost.NewTenant());
        await client.RegisterBotAsync(EngineApiHost.NewBotToken());

        var created = await client.CreateCampaignAsync("""
            {"actions":["botMessage"],"message":"Hi {{name}}, code {{promo|none}}",
             "recipients":[
               {"userId":5001,"name":"Ann","fields":{"promo":"A1"}},
               {"userId":5002,"name":"Bob"},
               {"userId":5003,"fields":{"promo":"C3"}},
               {"userId":5004}]}
            """);

        var gap = Assert.Single(created.GetProperty("templateGaps").EnumerateArray());
        Assert.Equal(("name", 2), (gap.Str("field"), gap.GetProperty("missing").GetInt32()));
        Assert.Contains(created.GetProperty("warnings").EnumerateArray(),
            w => w.GetString() == "2 recipients have no 'name': they will fail as template_error; use {{name|fallback}} for a default.");
        Assert.Equal(4, created.GetProperty("total").GetInt32());

        var status = await client.WaitForCampaignAsync(created.Str("id"), s => s.Str("status") is "completed" or "completed_with_errors");
        Assert.Equal("completed_with_errors", status.Str("status"));
        Assert.Equal(["Hi Ann, code A1", "Hi Bob, code none"], platform.Calls.Select(c => c.Text).Order());
        var report = await (await client.GetAsync($"/api/campaigns/{created.Str("id")}/report")).ReadJsonAsync();
        Assert.Equal(2, report.GetProperty("rows").EnumerateArray().Count(r => r.Str("reason").Contains("template_error", StringComparison.Ordinal)));
    }

    [Fact(Timeout = 60_000)]
    public async Task Create_FallbackForEveryField_NoGaps_EveryRecipientLacking_400NamingMessage()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);
        var client = host.Client(EngineApiHost.NewTenant());
        const string Nameless = """[{"userId":6001},{"userId":6002}]""";

        var covered = await client.CreateCampaignAsync($$$"""{"actions":["botMessage"],"message":"Hi {{name|there}}","recipients":{{{Nameless}}}}""");
        Assert.Empty(covered.GetProperty("templateGaps").EnumerateArray());
        Assert.DoesNotContain(covered.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("template_error", StringComparison.Ordinal));

        var problem = await (await client.PostJsonAsync("/api/campaigns", $$$"""{"actions":["botMessage"],"message":"Hi {{name}}","recipients":{{{Nameless}}}}"""))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "message", "missing 'name' (2)");
        Assert.Contains("{{name|there}}", problem.GetProperty("errors").GetProperty("message")[0].GetString(), StringComparison.Ordinal);
        var invite = await client.CreateCampaignAsync($$$"""{"actions":["invite"],"targetChat":"@herald_group","message":"Hi {{name}}","recipients":{{{Nameless}}}}""");
        Assert.Empty(invite.GetProperty("templateGaps").EnumerateArray()); // no bot among the accounts: the invite sends no text
        Assert.Equal(2, (await (await client.GetAsync("/api/campaigns")).ReadJsonAsync()).GetProperty("items").GetArrayLength());
    }

    [Fact(Timeout = 60_000)]
    public async Task OpenApi_CampaignCreated_DeclaresTemplateGapsWithFieldAndMissing()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);
        var document = await (await host.Client(EngineApiHost.NewTenant()).GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");

        var gaps = schemas.GetProperty("CampaignCreatedResponse").GetProperty("properties").GetProperty("templateGaps");
        Assert.Contains("array", gaps.GetProperty("type").ToString(), StringComparison.Ordinal);
        var gap = Resolve(schemas, gaps.GetProperty("items")).GetProperty("properties");
        Assert.Contains("string", gap.GetProperty("field").GetProperty("type").ToString(), StringComparison.Ordinal);
        Assert.Contains("integer", gap.GetProperty("missing").GetProperty("type").ToString(), StringComparison.Ordinal);
    }

    private static JsonElement Resolve(JsonElement schemas, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference) ? schemas.GetProperty(reference.GetString()!.Split('/')[^1]) : schema;
}
