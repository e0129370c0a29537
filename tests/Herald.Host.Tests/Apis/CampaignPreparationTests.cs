using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Herald.Core.Domain;
using Herald.Engine.Campaigns;
using Herald.Host.Imports;
using Herald.Host.Tests.Infrastructure;
using Herald.Testing;
using Herald.Testing.Fakes;

namespace Herald.Host.Tests.Apis;

/// <summary>Large imports answer at once (<c>preparing</c>) and their orchestration writes the targets (R1).</summary>
[Collection(ApiAzuriteCollection.Name)]
public sealed class CampaignPreparationTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int Recipients = 40;

    // Every eighth row has a phone but no user id: a bot cannot reach it, at creation nor in the background.
    private const int Unreachable = 5;
    private const int Reachable = Recipients - Unreachable;

    [Fact(Timeout = 90_000)]
    public async Task Create_ImportAboveBackgroundThreshold_AnswersPreparingThenEveryRecipientOnce()
    {
        var platform = new FakePlatform();
        await using var host = await EngineApiHost.StartAsync(azurite, output, o =>
        {
            o.Platform = platform;
            o.Settings["Herald:Campaigns:BackgroundAbove"] = "10";
        });
        var client = host.Client(EngineApiHost.NewTenant());
        await client.RegisterBotAsync(EngineApiHost.NewBotToken());
        var importId = await UploadAsync(client);

        var created = await client.CreateCampaignAsync($$$"""{"actions":["botMessage"],"message":"Hi {{name}}","importId":"{{{importId}}}"}""");

        Assert.Equal("preparing", created.Str("status"));
        Assert.Equal(Reachable, created.GetProperty("total").GetInt32());
        Assert.Equal(Unreachable, created.GetProperty("recipients").GetProperty("droppedCounts").GetProperty("unreachable_by_bot").GetInt32());
        Assert.Contains(created.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith($"{Unreachable} recipients have no user id", StringComparison.Ordinal));
        var status = await client.WaitForCampaignAsync(created.Str("id"), s => s.Str("status") == "completed");
        Assert.Equal(Reachable, status.GetProperty("total").GetInt32());
        Assert.Equal(Reachable, status.GetProperty("counts").GetProperty("done").GetInt64());
        Assert.Equal(Reachable, platform.Calls.Select(c => c.Text).Distinct().Count());
        Assert.Empty(platform.DuplicatedRecipients);
    }

    [Fact(Timeout = 90_000)]
    public async Task Preparing_PausedMeanwhile_IsPreparedByItsOrchestrationThenStaysPausedUntilResumed()
    {
        var platform = new FakePlatform();
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Platform = platform);
        var tenant = EngineApiHost.NewTenant();
        var client = host.Client(tenant);
        var importId = await UploadAsync(client);

        // No bot yet (so nothing could act early either way): created preparing, paused at once.
        var imports = host.Services.GetRequiredService<ImportStore>();
        var recipients = await imports.ReadRecipientsAsync((await imports.GetAsync(tenant, importId))!);
        var campaigns = host.Services.GetRequiredService<CampaignService>();
        var campaign = await campaigns.CreatePreparingAsync(
            new NewCampaign(new Campaign(tenant, "", PlatformKind.Telegram, [ActionKind.BotMessage], CampaignSchedule.Always, MessageTemplate: "Hi {{name}}"), recipients),
            importId);
        Assert.Equal(200, (int)(await client.PostAsync($"/api/campaigns/{campaign.Id}/pause", null)).StatusCode);
        var listed = await (await client.GetAsync("/api/campaigns?status=paused")).ReadJsonAsync();
        Assert.Equal(campaign.Id, Assert.Single(listed.GetProperty("items").EnumerateArray()).Str("id"));

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await campaigns.GetAsync(tenant, campaign.Id))!.Preparing && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        await client.RegisterBotAsync(EngineApiHost.NewBotToken());
        var paused = await client.WaitForCampaignAsync(campaign.Id, _ => true);
        Assert.Equal("paused", paused.Str("status"));
        Assert.Equal(Reachable, paused.GetProperty("remaining").GetInt64());
        Assert.Empty(platform.Calls);
        Assert.Equal(200, (int)(await client.PostAsync($"/api/campaigns/{campaign.Id}/resume", null)).StatusCode);
        var done = await client.WaitForCampaignAsync(campaign.Id, s => s.Str("status") == "completed");
        Assert.Equal(Reachable, done.GetProperty("counts").GetProperty("done").GetInt64());
        Assert.Empty(platform.DuplicatedRecipients);
    }

    private static async Task<string> UploadAsync(HttpClient client)
    {
        var csv = new StringBuilder("Name;user_id;Phone\n");
        for (var i = 0; i < Recipients; i++)
        {
            var userId = i % 8 == 0 ? "" : (7000 + i).ToString(CultureInfo.InvariantCulture);
            csv.Append(CultureInfo.InvariantCulture, $"User {i};{userId};+49 151 0000 {i:D4}\n");
        }

        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString()));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var response = await client.PostAsync("/api/imports", new MultipartFormDataContent { { file, "file", "big.csv" } });
        var import = await response.ReadJsonAsync();
        Assert.Equal(Recipients, import.GetProperty("recipients").GetInt32());
        return import.Str("id");
    }
}
