using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Herald.Host.Tests.Infrastructure;
using Herald.Testing;
using Herald.Testing.Fakes;
using Herald.Testing.Imports;

namespace Herald.Host.Tests.Apis;

[Collection(ApiAzuriteCollection.Name)]
public sealed class ImportsApiTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    // User ids, as a bot campaign needs them (a bot cannot message a username or phone).
    private const string ContactsCsv = "Name;Phone;Username;Promo;Id\nAnn;+49 151 1111 1111;@ann_user;A1;5001\nBob;garbage;;B2;\nCid;+49 151 2222 2222;;C3;5003\n";

    [Fact(Timeout = 90_000)]
    public async Task Upload_MultipartCsv_StoredWithProvenanceAndUsedByACampaign()
    {
        var platform = new FakePlatform();
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Platform = platform);
        var client = host.Client(EngineApiHost.NewTenant());
        await client.RegisterBotAsync(EngineApiHost.NewBotToken());

        var response = await client.PostAsync("/api/imports", Multipart(ContactsCsv, "contacts.csv", "text/csv"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var import = await response.ReadJsonAsync();
        var id = import.Str("id");
        Assert.Equal($"/api/imports/{id}", response.Headers.Location?.OriginalString);
        var source = import.GetProperty("source");
        Assert.Equal("file", source.Str("kind"));
        Assert.Equal("contacts.csv", source.Str("name"));
        Assert.Equal(3, source.GetProperty("rowCount").GetInt32());
        Assert.Equal(2, import.GetProperty("recipients").GetInt32());
        Assert.Equal("csv", import.Str("format"));
        Assert.Equal(";", import.Str("delimiter"));
        Assert.Equal(["name", "phone", "username", "field", "userId"], import.GetProperty("columns").EnumerateArray().Select(c => c.Str("role")));
        Assert.Equal(["Promo"], import.GetProperty("fieldNames").EnumerateArray().Select(f => f.GetString()));
        var dropped = Assert.Single(import.GetProperty("droppedRows").EnumerateArray());
        Assert.Equal(3, dropped.GetProperty("row").GetInt32());
        Assert.DoesNotContain("garbage", import.ToString(), StringComparison.Ordinal);

        var read = await (await client.GetAsync($"/api/imports/{id}")).ReadJsonAsync();
        Assert.Equal(import.ToString(), read.ToString());

        var created = await client.CreateCampaignAsync($$$"""{"actions":["botMessage"],"message":"Hi {{name}}, {{promo}}","importId":"{{{id}}}"}""");
        Assert.Equal(2, created.GetProperty("total").GetInt32());
        Assert.Equal(id, created.GetProperty("recipients").Str("importId"));
        Assert.StartsWith($"file contacts.csv, import {id}: 3 rows, 2 recipients", created.Str("source"), StringComparison.Ordinal);
        var status = await client.WaitForCampaignAsync(created.Str("id"), s => s.Str("status") == "completed");
        Assert.Equal(created.Str("source"), status.Str("source"));
        Assert.Equal(["Hi Ann, A1", "Hi Cid, C3"], platform.Calls.Select(c => c.Text).Order());
    }

    [Fact(Timeout = 60_000)]
    public async Task Upload_RawJsonWithOptions_ThenSuppressAddsEveryRecipient()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);
        var client = host.Client(EngineApiHost.NewTenant());
        var body = new StringContent("""[{"login":"first_user","code":"1"},{"login":"second_user","code":"2"}]""", Encoding.UTF8, "application/json");

        var response = await client.PostAsync("/api/imports?fileName=../list.json&columns=username:login", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var import = await response.ReadJsonAsync();
        Assert.Equal("list.json", import.GetProperty("source").Str("name"));
        Assert.Equal("json", import.Str("format"));
        Assert.Equal(2, import.GetProperty("recipients").GetInt32());
        var id = import.Str("id");

        var suppress = await client.PostAsync($"/api/imports/{id}/suppress?reason=asked_to_stop", null);
        Assert.Equal(HttpStatusCode.OK, suppress.StatusCode);
        Assert.Equal(2, (await suppress.ReadJsonAsync()).GetProperty("added").GetInt32());
        var list = await (await client.GetAsync("/api/suppressions")).ReadJsonAsync();
        Assert.Equal(["asked_to_stop", "asked_to_stop"], list.GetProperty("items").EnumerateArray().Select(e => e.Str("reason")));

        var created = await client.CreateCampaignAsync($$"""{"actions":["personalMessage"],"message":"Hi","importId":"{{id}}"}""");
        Assert.Equal(2, created.GetProperty("suppressed").GetInt32());
    }

    [Fact(Timeout = 60_000)]
    public async Task Upload_BadInputs_AnswerProblems()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o =>
        {
            o.Workers = false;
            o.Settings["Herald:Imports:MaxBytes"] = "1024";
        });
        var client = host.Client(EngineApiHost.NewTenant());

        await (await client.PostAsync("/api/imports", new StringContent("<html></html>", Encoding.UTF8, "text/html"))).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await client.PostAsync("/api/imports", CsvBody(new string('x', 2000)))).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await (await client.PostAsync("/api/imports", Multipart("name\n" + new string('x', 2000), "big.csv", "text/csv"))).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        var noIdentifier = await (await client.PostAsync("/api/imports", CsvBody("name,city\nAnn,Berlin\nBob,Paris\n"))).AssertProblemAsync(HttpStatusCode.BadRequest, "file");
        Assert.Equal("no_identifier_column", noIdentifier.Str("code"));
        var truncated = new StringContent("[{\"phone\": \"+4915111111111\"},\n {\"phone\": \"+49151", Encoding.UTF8, "application/json");
        await (await client.PostAsync("/api/imports", truncated)).AssertProblemAsync(HttpStatusCode.BadRequest, "file", "at line 2, byte ");
        var workbook = new ByteArrayContent("PK\u0003\u0004 not really a workbook"u8.ToArray());
        workbook.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        Assert.Equal("unreadable_file", (await (await client.PostAsync("/api/imports", workbook)).AssertProblemAsync(HttpStatusCode.BadRequest, "file")).Str("code"));
        await (await client.PostAsync("/api/imports?hasHeader=maybe&delimiter=ab&columns=fax:1", CsvBody("phone\n+4915111111111\n"))).AssertProblemAsync(HttpStatusCode.BadRequest, "hasHeader");
        await (await client.PostAsync("/api/imports?columns=fax:1", CsvBody("phone\n+4915111111111\n"))).AssertProblemAsync(HttpStatusCode.BadRequest, "columns");
        var formWithoutFile = new MultipartFormDataContent { { new StringContent("value"), "field" } };
        await (await client.PostAsync("/api/imports", formWithoutFile)).AssertProblemAsync(HttpStatusCode.BadRequest, "file", "no file part");

        var missing = Guid.NewGuid().ToString("N");
        await (await client.GetAsync($"/api/imports/{missing}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostAsync($"/api/imports/{missing}/suppress", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostAsync($"/api/imports/{missing}/suppress?reason=%3Cb%3E", null)).AssertProblemAsync(HttpStatusCode.BadRequest, "reason");
    }

    [Fact(Timeout = 90_000)]
    public async Task Upload_ZipBombWorkbook_AnswersProblemNamingTheLimitHit()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);
        var client = host.Client(EngineApiHost.NewTenant());

        var entry = await (await client.PostAsync("/api/imports", Workbook(RawXlsx.Bomb(40L * 1024 * 1024))))
            .AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        var ratio = await (await client.PostAsync("/api/imports", Workbook(RawXlsx.Bomb(4L * 1024 * 1024))))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "file", "zip bomb");

        Assert.Equal(("inflated_too_large", "Herald:Imports:MaxZipEntryBytes"), (entry.Str("code"), entry.Str("limit")));
        Assert.Equal(("compression_ratio", "Herald:Imports:MinInflateRatio"), (ratio.Str("code"), ratio.Str("limit")));
    }

    [Fact(Timeout = 90_000)]
    public async Task Upload_WorkbookWithNotesFirst_ReadsTheRecipientSheetAndListsTheOthers()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);
        var client = host.Client(EngineApiHost.NewTenant());
        var bytes = RawXlsx.Workbook(("Notes", [["Call them before noon"]]), ("Contacts", [["phone", "name"], ["+4915111111111", "Ann"]]), ("Old", [["@old_user"]]));

        var created = await ReadAsync(await client.PostAsync("/api/imports", Workbook(bytes)), HttpStatusCode.Created);
        var stored = await ReadAsync(await client.GetAsync($"/api/imports/{created.Str("id")}"), HttpStatusCode.OK);
        var named = await ReadAsync(await client.PostAsync("/api/imports?sheet=old", Workbook(bytes)), HttpStatusCode.Created);

        foreach (var import in new[] { created, stored })
        {
            Assert.Equal("Contacts", import.Str("sheet"));
            Assert.Equal(["Notes", "Old"], import.GetProperty("otherSheets").EnumerateArray().Select(s => s.GetString()));
            Assert.Equal(1, import.GetProperty("recipients").GetInt32());
        }

        Assert.Equal(("Old", 1), (named.Str("sheet"), named.GetProperty("recipients").GetInt32()));
    }

    private static async Task<System.Text.Json.JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    private static ByteArrayContent Workbook(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return content;
    }

    private static StringContent CsvBody(string text) => new(text, Encoding.UTF8, "text/csv");

    private static MultipartFormDataContent Multipart(string text, string fileName, string contentType)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }
}
