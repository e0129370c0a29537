using System.Globalization;
using System.Net;
using Azure.Data.Tables;
using Herald.Engine.Model;
using Herald.Host.Tests.Infrastructure;
using Herald.Host.WhatsApp;
using Herald.Testing;

namespace Herald.Host.Tests.WhatsApp;

/// <summary>
/// Receipts of a campaign's messages in its report and on its deletion: a <c>failed</c> receipt after <c>sent</c> lists the
/// recipient with the receipt's reason (the engine counts them done), and deleting the campaign deletes every delivery row.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DeliveryReportAndDeleteTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact(Timeout = 60_000)]
    public async Task Report_ReceiptFailedAfterSent_ListsTheRecipientAsFailedWithTheReceiptsReason()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);
        var tenant = EngineApiHost.NewTenant();
        var client = host.Client(tenant);
        var (id, sequences) = await CancelledCampaignAsync(client, 3);
        var store = host.Services.GetRequiredService<DeliveryStore>();
        await store.RecordSentAsync(tenant, id, $"wamid.{id}.1", sequences[0]);
        await store.ApplyStatusAsync($"wamid.{id}.1", "failed", 131049);
        await store.ApplyStatusAsync($"wamid.{id}.2", "failed", 131026);     // the receipt before the send's record
        await store.RecordSentAsync(tenant, id, $"wamid.{id}.2", sequences[1]);
        await MarkDoneAsync(host, tenant, id, [sequences[0], sequences[1]]);

        var rows = (await (await client.GetAsync($"/api/campaigns/{id}/report")).ReadJsonAsync()).GetProperty("rows").EnumerateArray()
            .ToDictionary(r => r.GetProperty("sequence").GetInt32(), r => (r.Str("status"), r.Str("reason"), r.Str("deliveryStatus")));
        var csv = (await (await client.GetAsync($"/api/campaigns/{id}/report.csv")).Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(3, rows.Count);
        Assert.Equal(("failed", "receipt_failed_131049", "failed"), rows[sequences[0]]);
        Assert.Equal(("failed", "receipt_failed_131026", "failed"), rows[sequences[1]]);
        Assert.Equal("cancelled", rows[sequences[2]].Item1);
        var cells = csv.Skip(1).Select(l => l.Split(',')).ToDictionary(c => int.Parse(c[0], CultureInfo.InvariantCulture));
        Assert.Equal(["failed", "receipt_failed_131049"], cells[sequences[0]][1..3]);
        Assert.Equal("failed", cells[sequences[0]][^1]);
        Assert.Equal(["failed", "receipt_failed_131026"], cells[sequences[1]][1..3]);
    }

    [Fact(Timeout = 60_000)]
    public async Task Delete_CampaignWithReceipts_DeletesItsDeliveryRowsAndKeepsOtherCampaigns()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);
        var tenant = EngineApiHost.NewTenant();
        var client = host.Client(tenant);
        var (id, sequences) = await CancelledCampaignAsync(client, 2);
        var (other, others) = await CancelledCampaignAsync(client, 1);
        var store = host.Services.GetRequiredService<DeliveryStore>();
        await store.RecordSentAsync(tenant, id, $"wamid.{id}.1", sequences[0]);
        await store.ApplyStatusAsync($"wamid.{id}.1", "delivered");
        await store.RecordSentAsync(tenant, id, $"wamid.{id}.2", sequences[1]);
        await store.ApplyStatusAsync($"wamid.{id}.2", "failed", 131049);
        await store.RecordSentAsync(tenant, other, $"wamid.{other}.1", others[0]);
        Assert.NotEmpty(await DeliveryRowsAsync(host, id));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/campaigns/{id}")).StatusCode);

        Assert.Empty(await DeliveryRowsAsync(host, id));
        Assert.Equal(3, (await DeliveryRowsAsync(host, other)).Count);   // its message, its count and its recipient
        Assert.Equal(new DeliveryCounts(1, 0, 0, 0), await store.GetAsync(tenant, other));
    }

    private static async Task<(string Id, List<int> Sequences)> CancelledCampaignAsync(HttpClient client, int count)
    {
        var recipients = string.Join(",", Enumerable.Range(0, count).Select(i => $$$"""{"phone":"+49170{{{Random.Shared.Next(1_000_000, 9_999_999)}}}{{{i}}}"}"""));
        var id = (await client.CreateCampaignAsync($$$"""{"platform":"whatsApp","actions":["botMessage"],"message":"Hi","recipients":[{{{recipients}}}]}""")).Str("id");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/campaigns/{id}/cancel", null)).StatusCode);
        var report = await (await client.GetAsync($"/api/campaigns/{id}/report")).ReadJsonAsync();
        return (id, [.. report.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("sequence").GetInt32()).Order()]);
    }

    // The engine would have counted these targets done when the platform accepted their messages.
    private async Task MarkDoneAsync(EngineApiHost host, string tenant, string campaignId, IReadOnlyList<int> sequences)
    {
        var targets = azurite.CreateTableServiceClient().GetTableClient(host.Prefix + "targets");
        await foreach (var row in targets.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey gt {tenant + "|" + campaignId + "|"} and PartitionKey lt {tenant + "|" + campaignId + "|~"} and RowKey lt {EngineKeys.TargetRowsEnd}")))
        {
            if (sequences.Contains(int.Parse(row.RowKey, CultureInfo.InvariantCulture)))
            {
                row["Status"] = "Done";
                await targets.UpdateEntityAsync(row, row.ETag);
            }
        }
    }

    // Every row of the delivery tables that names the campaign (in its key or its columns).
    private async Task<List<TableEntity>> DeliveryRowsAsync(EngineApiHost host, string campaignId)
    {
        var service = azurite.CreateTableServiceClient();
        var rows = new List<TableEntity>();
        foreach (var table in new[] { DeliveryStore.MessagesTable, DeliveryStore.CountsTable, DeliveryStore.RecipientsTable })
        {
            await foreach (var row in service.GetTableClient(host.Prefix + table).QueryAsync<TableEntity>())
            {
                if (row.RowKey.StartsWith(campaignId + ":", StringComparison.Ordinal) || row.GetString("CampaignId") == campaignId
                    || row.PartitionKey.Contains(campaignId, StringComparison.Ordinal))
                {
                    rows.Add(row);
                }
            }
        }

        return rows;
    }
}
