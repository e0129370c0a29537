using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Herald.Engine.Persistence;
using Herald.Host.Imports;
using Herald.Host.Tests.Infrastructure;
using Herald.Testing;

namespace Herald.Host.Tests.Apis;

/// <summary>
/// Lists past the old limits (issue 16): an upload over the old 100,000 rows is stored a piece at a time with its
/// dropped-row reasons, and a large import's campaign writes its targets in chunks, each read as a slice of the import.
/// </summary>
[Collection(ApiAzuriteCollection.Name)]
public sealed class LargeListTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact(Timeout = 120_000)]
    public async Task Upload_OverTheOldRowLimit_StoredInCountedPiecesWithItsDroppedReasons()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);
        var tenant = EngineApiHost.NewTenant();
        var client = host.Client(tenant);
        var csv = new StringBuilder("user_id;name\n");
        for (var i = 0; i < 120_000; i++)
        {
            csv.Append(i % 1_000 == 3 ? "not-an-id" : (5_000_000 + i).ToString(CultureInfo.InvariantCulture)).Append(";Name ").Append(i).Append('\n');
        }

        var response = await client.PostAsync("/api/imports", Multipart(csv.ToString()));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var import = await response.ReadJsonAsync();
        Assert.Equal(119_880, import.GetProperty("recipients").GetInt32());
        Assert.Equal(120, import.GetProperty("droppedCounts").GetProperty("invalid_user_id").GetInt32());
        Assert.Equal(new ImportIssueRow(5, "invalid_user_id"), Row(import.GetProperty("droppedRows")[0]));
        var store = host.Services.GetRequiredService<ImportStore>();
        var record = (await store.GetAsync(tenant, import.Str("id")))!;
        var pieces = (await store.ReadPiecesAsync(record))!;
        Assert.True(pieces.Count > 100);
        Assert.True(pieces.All(p => p.Count < 1_500)); // a slice is read without the rest: no piece holds much
        Assert.Equal((119_880, 119_880), (pieces.Sum(p => p.Count), pieces.Sum(p => p.Reach)));
        var last = await store.ReadPiecesAsync(record, pieces[^1], pieces[^1]).ToListAsync();
        Assert.Equal(5_119_999, last[^1].UserId);
    }

    [Fact(Timeout = 120_000)]
    public async Task Create_ImportOfThousands_PreparedInChunksEveryTargetOnceInListOrder()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o =>
        {
            o.Settings["Herald:Campaigns:BackgroundAbove"] = "100";
            o.Settings["Herald:Durable:PrepareChunk"] = "250";
            o.Settings["Herald:Durable:ChunksAtOnce"] = "4";
        });
        var tenant = EngineApiHost.NewTenant();
        var client = host.Client(tenant);

        // Every tenth row has no user id: a bot cannot reach it, so the targets are the other 2,700, numbered in list order.
        var csv = new StringBuilder("user_id;name;phone\n");
        for (var i = 0; i < 3_000; i++)
        {
            var userId = i % 10 == 4 ? "" : (6_000_000 + i).ToString(CultureInfo.InvariantCulture);
            csv.Append(CultureInfo.InvariantCulture, $"{userId};User {i};+49 151 {i:D8}\n");
        }

        var upload = await (await client.PostAsync("/api/imports", Multipart(csv.ToString()))).ReadJsonAsync();
        var created = await client.CreateCampaignAsync($$$"""{"actions":["botMessage"],"message":"Hi {{name}}","importId":"{{{upload.Str("id")}}}"}""");

        Assert.Equal("preparing", created.Str("status"));
        Assert.Equal(2_700, created.GetProperty("total").GetInt32());
        Assert.Equal(300, created.GetProperty("recipients").GetProperty("droppedCounts").GetProperty("unreachable_by_bot").GetInt32());
        var id = created.Str("id");
        var campaigns = host.Services.GetRequiredService<CampaignStore>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await campaigns.GetAsync(tenant, id))!.Preparing && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        var targets = await host.Services.GetRequiredService<TargetStore>().QueryAsync(tenant, id).ToListAsync();
        var expected = Enumerable.Range(0, 3_000).Where(i => i % 10 != 4).Select(i => (long)(6_000_000 + i)).ToList();
        Assert.False((await campaigns.GetAsync(tenant, id))!.Preparing);
        Assert.Equal(2_700, targets.Count);
        Assert.Equal(Enumerable.Range(0, 2_700), targets.Select(t => int.Parse(t.RowKey, CultureInfo.InvariantCulture)).Order());
        Assert.Equal(expected, targets.OrderBy(t => t.RowKey, StringComparer.Ordinal).Select(t => t.Recipient.UserId!.Value));
        Assert.Equal(11, host.Logs.Records.Count(r => r.Contains($"Campaign {tenant}/{id}: prepared chunk at", StringComparison.Ordinal)));
        var status = await client.WaitForCampaignAsync(id, s => s.Str("status") != "preparing");
        Assert.Equal(2_700, status.GetProperty("total").GetInt32());
    }

    private static MultipartFormDataContent Multipart(string csv)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, "file", "large.csv" } };
    }

    private static ImportIssueRow Row(System.Text.Json.JsonElement e) => new(e.GetProperty("row").GetInt32(), e.Str("reason"));

    private sealed record ImportIssueRow(int Row, string Reason);
}
