using System.Text.Json;
using Azure.Data.Tables;
using Herald.Engine.Model;

namespace Herald.Engine.Persistence;

/// <summary>
/// The <c>stats</c> table: one row per campaign × account, the projection of the counters that ticks wrote before the
/// counters got rows of their own (<see cref="CounterStore"/>). No longer written: read as a fallback for campaigns counted
/// then, and deleted with the campaign.
/// </summary>
public sealed class StatsStore(EngineStorage storage)
{
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
