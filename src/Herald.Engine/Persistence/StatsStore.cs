using System.Text.Json;
using Azure.Data.Tables;
using Herald.Engine.Model;

namespace Herald.Engine.Persistence;

/// <summary>
/// The <c>stats</c> table: one row per campaign × account, a projection of the counters kept in the
/// account row, written after each tick and summed on read.
/// </summary>
public sealed class StatsStore(EngineStorage storage)
{
    /// <summary>Writes the projection of one account's counters for one campaign.</summary>
    public async Task WriteAsync(string tenantId, string campaignId, string accountId, CampaignCounters counters, string accountStatus, DateTimeOffset? statusUntil, CancellationToken cancellationToken = default)
    {
        var e = new TableEntity(EngineKeys.StatsPartition(tenantId, campaignId), accountId)
        {
            ["Counters"] = JsonSerializer.Serialize(counters, EngineJson.Options),
            ["AccountStatus"] = accountStatus,
            ["StatusUntil"] = statusUntil,
        };
        await storage.Stats.UpsertEntityAsync(e, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Every account's counters for a campaign, by account id.</summary>
    public async Task<Dictionary<string, CampaignCounters>> ReadAsync(string tenantId, string campaignId, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<string, CampaignCounters>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {EngineKeys.StatsPartition(tenantId, campaignId)}");
        await foreach (var e in storage.Stats.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            result[e.RowKey] = JsonSerializer.Deserialize<CampaignCounters>(e.GetString("Counters") ?? "{}", EngineJson.Options) ?? new CampaignCounters();
        }

        return result;
    }
}
