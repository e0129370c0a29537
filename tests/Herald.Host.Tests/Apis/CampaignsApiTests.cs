using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Herald.Core.Outcomes;
using Herald.Host.Tests.Infrastructure;
using Herald.Testing;
using Herald.Testing.Fakes;

namespace Herald.Host.Tests.Apis;

[Collection(ApiAzuriteCollection.Name)]
public sealed class CampaignsApiTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact(Timeout = 90_000)]
    public async Task Create_InlineListWithBadRows_202WithDroppedRowsAndPlanThenRunsToCompletion()
    {
        var platform = new FakePlatform();
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Platform = platform);
        var tenant = EngineApiHost.NewTenant();
        var client = host.Client(tenant);
        await client.RegisterBotAsync(EngineApiHost.NewBotToken());
        await client.RegisterBotAsync(EngineApiHost.NewBotToken());

        var created = await client.CreateCampaignAsync("""
            {"name":"Spring","actions":["botMessage"],"message":"Hi {{name}}, code {{promo}}",
             "recipients":[
               {"userId":1001,"name":"Ann","fields":{"promo":"A1"}},
               {"userId":1002,"name":"Bob","fields":{"promo":"B2"}},
               {"username":"x"},
               {"userId":1001,"fields":{"promo":"dup"}},
               {"userId":1003,"name":"Cid","fields":{"promo":"C3"}}]}
            """);

        Assert.Equal("running", created.Str("status"));
        Assert.Equal("atMostOnce", created.Str("delivery"));
        Assert.Equal(3, created.GetProperty("total").GetInt32());
        var intake = created.GetProperty("recipients");
        Assert.Equal(5, intake.GetProperty("received").GetInt32());
        Assert.Equal(2, intake.GetProperty("dropped").GetInt32());
        Assert.Equal(
            [(3, "invalid_username"), (4, "duplicate")],
            intake.GetProperty("droppedRows").EnumerateArray().Select(r => (r.GetProperty("row").GetInt32(), r.Str("reason"))));
        Assert.StartsWith("inline list: 5 rows, 3 recipients", created.Str("source"), StringComparison.Ordinal);
        Assert.Equal(2, created.GetProperty("plan").GetProperty("accounts").GetArrayLength());
        Assert.Empty(created.GetProperty("warnings").EnumerateArray());

        var id = created.Str("id");
        var status = await client.WaitForCampaignAsync(id, s => s.Str("status") == "completed");
        Assert.Equal(3, status.GetProperty("counts").GetProperty("done").GetInt64());
        Assert.Equal(0, status.GetProperty("remaining").GetInt64());
        Assert.Equal("atMostOnce", status.Str("delivery"));
        Assert.Equal(["Hi Ann, code A1", "Hi Bob, code B2", "Hi Cid, code C3"], platform.Calls.Select(c => c.Text).Order());
        var report = await (await client.GetAsync($"/api/campaigns/{id}/report")).ReadJsonAsync();
        Assert.Empty(report.GetProperty("rows").EnumerateArray());
        var audit = await (await client.GetAsync("/api/audit")).ReadJsonAsync();
        Assert.Contains(audit.GetProperty("entries").EnumerateArray(), e => e.Str("action") == "campaign.create" && e.Str("resourceId") == id);
    }

    [Fact(Timeout = 90_000)]
    public async Task Report_FailedRecipients_JsonAndFormulaSafeCsv()
    {
        var platform = new FakePlatform
        {
            Script = (_, a) => a.Recipient.Phone is not null ? new ActionOutcome.RecipientGone("blocked_by_user")
                : a.Recipient.Name!.StartsWith('=') ? new ActionOutcome.Permanent("chat_not_found")
                : new ActionOutcome.Done(DoneKind.Messaged),
        };
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Platform = platform);
        var client = host.Client(EngineApiHost.NewTenant());
        await client.RegisterBotAsync(EngineApiHost.NewBotToken());
        var id = (await client.CreateCampaignAsync("""
            {"actions":["botMessage"],"message":"Hello",
             "recipients":[{"userId":2001,"name":"=HYPERLINK(\"http://evil\",\"x\")"},{"userId":2002,"phone":"+49 151 1234 5678","name":"Phil"},{"userId":2003,"name":"Ok"}]}
            """)).Str("id");
        await client.WaitForCampaignAsync(id, s => s.Str("status") == "completed_with_errors");

        var json = await (await client.GetAsync($"/api/campaigns/{id}/report")).ReadJsonAsync();
        Assert.Equal("completed_with_errors", json.Str("status"));
        var rows = json.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Str("reason") == "permanent: chat_not_found" && r.Str("status") == "failed");
        Assert.Contains(rows, r => r.Str("reason") == "gone: blocked_by_user" && r.Str("phone") == "+4915112345678");

        var csv = await client.GetAsync($"/api/campaigns/{id}/report.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("sequence,status,reason,account_id,at,user_id,username,phone,name,delivery_status", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.EndsWith(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(",'+4915112345678,Phil", StringComparison.Ordinal));
        Assert.DoesNotContain(lines.Skip(1), l => l.Split(',').Any(cell => cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@'));

        using var negotiated = new HttpRequestMessage(HttpMethod.Get, $"/api/campaigns/{id}/report");
        negotiated.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var byAccept = await client.SendAsync(negotiated);
        Assert.Equal("text/csv", byAccept.Content.Headers.ContentType?.MediaType);
        Assert.Equal(string.Join("\r\n", lines) + "\r\n", await byAccept.Content.ReadAsStringAsync());
    }

    [Fact(Timeout = 60_000)]
    public async Task Control_PauseResumeCancel_IdempotentAndConflictsWhenEnded()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);
        var client = host.Client(EngineApiHost.NewTenant());
        var created = await client.CreateCampaignAsync("""{"actions":["botMessage"],"message":"Hi","recipients":[{"userId":1},{"userId":2}]}""");
        Assert.Contains(created.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("No accounts are assigned", StringComparison.Ordinal));
        var id = created.Str("id");

        foreach (var (verb, expected) in new[] { ("pause", "paused"), ("pause", "paused"), ("resume", "running"), ("resume", "running"), ("cancel", "cancelled"), ("cancel", "cancelled") })
        {
            var response = await client.PostAsync($"/api/campaigns/{id}/{verb}", null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(expected, (await response.ReadJsonAsync()).Str("status"));
        }

        var resume = await (await client.PostAsync($"/api/campaigns/{id}/resume", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("cancelled", resume.Str("campaignStatus"));
        await (await client.PostAsync($"/api/campaigns/{id}/pause", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await client.PostAsync($"/api/campaigns/{Guid.NewGuid():N}/pause", null)).AssertProblemAsync(HttpStatusCode.NotFound);

        var report = await (await client.GetAsync($"/api/campaigns/{id}/report")).ReadJsonAsync();
        Assert.Equal(["cancelled", "cancelled"], report.GetProperty("rows").EnumerateArray().Select(r => r.Str("status")));
        var status = await (await client.GetAsync($"/api/campaigns/{id}")).ReadJsonAsync();
        Assert.Equal(2, status.GetProperty("counts").GetProperty("cancelled").GetInt64());
        var actions = (await (await client.GetAsync("/api/audit")).ReadJsonAsync()).GetProperty("entries").EnumerateArray().Select(e => e.Str("action")).Reverse();
        Assert.Equal(["campaign.create", "campaign.pause", "campaign.pause", "campaign.resume", "campaign.resume", "campaign.cancel", "campaign.cancel"], actions);
    }

    [Fact(Timeout = 60_000)]
    public async Task List_MoreCampaignsThanAPage_PagesInStorageNewestFirstEachOnceAndRefusesTamperedTokens()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);
        var tenant = EngineApiHost.NewTenant();
        var client = host.Client(tenant);
        var created = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            created.Add((await client.CreateCampaignAsync("""{"actions":["botMessage"],"message":"Hi","recipients":[{"userId":1}]}""")).Str("id"));
        }

        var listed = new List<string>();
        var pages = 0;
        string? continuation = null;
        string? token = null;
        do
        {
            var page = await (await client.GetAsync($"/api/campaigns?pageSize=3{(continuation is null ? "" : "&continuation=" + Uri.EscapeDataString(continuation))}")).ReadJsonAsync();
            var items = page.GetProperty("items").EnumerateArray().Select(c => c.Str("id")).ToList();
            Assert.InRange(items.Count, 0, 3);
            listed.AddRange(items);
            continuation = page.GetProperty("continuation").ValueKind == JsonValueKind.String ? page.Str("continuation") : null;
            token ??= continuation;
            pages++;
        }
        while (continuation is not null && pages < 10);

        Assert.Equal(Enumerable.Reverse(created), listed);
        Assert.InRange(pages, 3, 4);
        Assert.NotNull(token);
        var tampered = token![..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];
        await (await client.GetAsync($"/api/campaigns?continuation={Uri.EscapeDataString(tampered)}")).AssertProblemAsync(HttpStatusCode.BadRequest, "continuation");
        await (await host.Client(EngineApiHost.NewTenant()).GetAsync($"/api/campaigns?continuation={Uri.EscapeDataString(token)}")).AssertProblemAsync(HttpStatusCode.BadRequest, "continuation");
        await (await client.GetAsync("/api/campaigns?pageSize=0")).AssertProblemAsync(HttpStatusCode.BadRequest, "pageSize");
        await (await client.GetAsync("/api/campaigns?pageSize=201")).AssertProblemAsync(HttpStatusCode.BadRequest, "pageSize");
        var first = await (await client.GetAsync("/api/campaigns?limit=2")).ReadJsonAsync();
        Assert.Equal(created[^2..].AsEnumerable().Reverse(), first.GetProperty("items").EnumerateArray().Select(c => c.Str("id")));
    }

    [Fact(Timeout = 60_000)]
    public async Task List_ScheduledAndRunning_FiltersByStatusAndPages()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);
        var client = host.Client(EngineApiHost.NewTenant());
        var startAt = TimeProvider.System.GetUtcNow().AddDays(1).ToString("O");
        var scheduled = await client.CreateCampaignAsync($$"""
            {"actions":["botMessage"],"message":"Hi","startAt":"{{startAt}}","finishBy":"{{TimeProvider.System.GetUtcNow().AddDays(2):O}}",
             "timeWindow":{"start":"09:00","end":"18:00","timeZone":"Europe/Berlin","days":["monday","tuesday"]},"recipients":[{"userId":1}]}
            """);
        Assert.Equal("scheduled", scheduled.Str("status"));
        var ids = new List<string> { scheduled.Str("id") };
        for (var i = 0; i < 2; i++)
        {
            ids.Add((await client.CreateCampaignAsync("""{"actions":["botMessage"],"message":"Hi","recipients":[{"userId":1}]}""")).Str("id"));
        }

        var onlyScheduled = await (await client.GetAsync("/api/campaigns?status=scheduled")).ReadJsonAsync();
        Assert.Equal([scheduled.Str("id")], onlyScheduled.GetProperty("items").EnumerateArray().Select(c => c.Str("id")));
        var first = await (await client.GetAsync("/api/campaigns?limit=2")).ReadJsonAsync();
        var second = await (await client.GetAsync($"/api/campaigns?limit=2&continuation={first.Str("continuation")}")).ReadJsonAsync();
        var listed = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(c => c.Str("id")).ToList();
        Assert.Equal(ids.Order(), listed.Order());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("continuation").ValueKind);

        await (await client.GetAsync("/api/campaigns?status=waiting")).AssertProblemAsync(HttpStatusCode.BadRequest, "status");
        await (await client.GetAsync("/api/campaigns?limit=0")).AssertProblemAsync(HttpStatusCode.BadRequest, "limit");
        await (await client.GetAsync("/api/campaigns?continuation=nope")).AssertProblemAsync(HttpStatusCode.BadRequest, "continuation");
        await (await client.GetAsync("/api/campaigns/not-a-campaign")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact(Timeout = 60_000)]
    public async Task Create_ListTooLongForTheDeadline_PlanWarns()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);
        var client = host.Client(EngineApiHost.NewTenant());
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync("/api/accounts/telegram-users", """{"session":"s1"}""")).StatusCode);
        var recipients = string.Join(',', Enumerable.Range(1, 200).Select(i => $$"""{"userId":{{i}}}"""));

        var created = await client.CreateCampaignAsync($$"""
            {"actions":["personalMessage"],"message":"Hi","finishBy":"{{TimeProvider.System.GetUtcNow().AddHours(2):O}}","recipients":[{{recipients}}]}
            """);

        var plan = created.GetProperty("plan");
        Assert.False(plan.GetProperty("fitsDeadline").GetBoolean());
        Assert.Contains("cannot finish by", plan.Str("warning"), StringComparison.Ordinal);
        Assert.Contains(created.GetProperty("warnings").EnumerateArray(), w => w.GetString() == plan.Str("warning"));
        Assert.Equal("warming", Assert.Single(plan.GetProperty("accounts").EnumerateArray()).Str("status"));
    }
}
