using System.Net;
using Azure.Data.Tables;
using Herald.Host.Audit;
using Herald.Host.Campaigns;
using Herald.Host.Tests.Infrastructure;
using Herald.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Herald.Host.Tests.Apis;

[Collection(ApiAzuriteCollection.Name)]
public sealed class CampaignDeleteApiTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string Recipients = """[{"userId":8001,"username":"ann_private","name":"Ann"},{"userId":8002,"username":"bob_private","name":"Bob"}]""";

    [Fact(Timeout = 60_000)]
    public async Task Delete_CancelledCampaign_TargetsStatsAndReportGoneAndAudited()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);
        var client = host.Client(EngineApiHost.NewTenant());
        var id = (await client.CreateCampaignAsync($$"""{"actions":["botMessage"],"message":"Hi","recipients":{{Recipients}}}""")).Str("id");
        Assert.NotEmpty(await RowsAsync(host, "targets", id));

        var running = await (await client.DeleteAsync($"/api/campaigns/{id}")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("running", running.Str("campaignStatus"));
        await (await host.Client(EngineApiHost.NewTenant()).DeleteAsync($"/api/campaigns/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await client.PostAsync($"/api/campaigns/{id}/cancel", null);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/campaigns/{id}")).StatusCode);

        Assert.Empty(await RowsAsync(host, "targets", id));
        Assert.Empty(await RowsAsync(host, "stats", id));
        Assert.Empty(await RowsAsync(host, "campaigns", id));
        await (await client.GetAsync($"/api/campaigns/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"/api/campaigns/{id}/report.csv")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.DeleteAsync($"/api/campaigns/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        var entry = (await (await client.GetAsync("/api/audit")).ReadJsonAsync()).GetProperty("entries")[0];
        Assert.Equal("campaign.delete", entry.Str("action"));
        Assert.Equal("2", entry.GetProperty("details").Str("targets"));
    }

    [Fact(Timeout = 60_000)]
    public async Task Retention_EndedLongerThanRetentionDays_DeletedOthersKept()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);
        var tenant = EngineApiHost.NewTenant();
        var client = host.Client(tenant);
        var ended = (await client.CreateCampaignAsync($$"""{"actions":["botMessage"],"message":"Hi","recipients":{{Recipients}}}""")).Str("id");
        var running = (await client.CreateCampaignAsync($$"""{"actions":["botMessage"],"message":"Hi","recipients":{{Recipients}}}""")).Str("id");
        await client.PostAsync($"/api/campaigns/{ended}/cancel", null);
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddDays(89));
        var retention = new CampaignRetention(
            host.Services.GetRequiredService<CampaignDeletion>(),
            host.Services.GetRequiredService<IAuditLog>(),
            Options.Create(new CampaignRetentionOptions { RetentionDays = 90 }),
            clock,
            host.Services.GetRequiredService<ILogger<CampaignRetention>>());

        Assert.Equal(0, await retention.SweepAsync());
        Assert.NotEmpty(await RowsAsync(host, "targets", ended));
        clock.Advance(TimeSpan.FromDays(2));
        await retention.SweepAsync();

        Assert.Empty(await RowsAsync(host, "targets", ended));
        await (await client.GetAsync($"/api/campaigns/{ended}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/campaigns/{running}")).StatusCode);
        Assert.NotEmpty(await RowsAsync(host, "targets", running));
        var entry = (await (await client.GetAsync("/api/audit")).ReadJsonAsync()).GetProperty("entries")[0];
        Assert.Equal(("campaign.delete", CampaignRetention.Actor, ended), (entry.Str("action"), entry.Str("actor"), entry.Str("resourceId")));
    }

    [Fact(Timeout = 60_000)]
    public async Task Retention_NotConfigured_DeletesNothing()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);
        var client = host.Client(EngineApiHost.NewTenant());
        var id = (await client.CreateCampaignAsync($$"""{"actions":["botMessage"],"message":"Hi","recipients":{{Recipients}}}""")).Str("id");
        await client.PostAsync($"/api/campaigns/{id}/cancel", null);

        Assert.Equal(0, await host.Services.GetRequiredService<CampaignRetention>().SweepAsync());
        Assert.NotEmpty(await RowsAsync(host, "targets", id));
    }

    [Fact(Timeout = 60_000)]
    public async Task Start_RetentionDaysOutOfRange_HostRefusesToStart()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => EngineApiHost.StartAsync(azurite, output, o =>
        {
            o.Workers = false;
            o.Settings["Herald:Campaigns:RetentionDays"] = "0";
        }));

        Assert.Contains("RetentionDays", failure.ToString(), StringComparison.Ordinal);
    }

    // Every row of one of the host's engine tables that belongs to the campaign (its key names the campaign id).
    private async Task<List<TableEntity>> RowsAsync(EngineApiHost host, string table, string campaignId)
    {
        var rows = await azurite.CreateTableServiceClient().GetTableClient(host.Prefix + table).QueryAsync<TableEntity>().ToListAsync();
        return [.. rows.Where(r => r.PartitionKey.Contains(campaignId, StringComparison.Ordinal) || r.RowKey == campaignId)];
    }
}
