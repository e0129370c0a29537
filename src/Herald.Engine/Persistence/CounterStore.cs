using System.Text.Json;
using Azure.Data.Tables;
using Herald.Engine.Model;

namespace Herald.Engine.Persistence;

/// <summary>
/// What each account did per campaign (<see cref="CampaignCounters"/>): one row per (account, campaign) in the accounts
/// table, in the tenant's partition beside the account row (row key <see cref="EngineKeys.CounterRow"/>), written only in
/// the same transaction as the account row (<see cref="AccountStore.TryCommitAsync"/>), so the counts are exactly as true as
/// the row and fenced by its ETag. The rows of one campaign are one key range, read with one query.
/// </summary>
public sealed class CounterStore(EngineStorage storage)
{
    private TableClient Table => storage.Accounts;

    /// <summary>
    /// The counters of <paramref name="row"/>'s account for one campaign, read once per tick and then kept in
    /// <see cref="AccountRecord.Campaigns"/> for the commit. A campaign counted before these rows existed starts from the
    /// account row's old <c>Counters</c> property, which gives it up in the same write.
    /// </summary>
    public async Task<CampaignCounters> ForAsync(AccountRecord row, string campaignId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Campaigns.TryGetValue(campaignId, out var loaded))
        {
            return loaded;
        }

        var response = await Table.GetEntityIfExistsAsync<TableEntity>(row.TenantId, EngineKeys.CounterRow(campaignId, row.AccountId), ["Counters"], cancellationToken);
        var counters = response.HasValue ? Parse(response.Value!)
            : row.LegacyCounters.Remove(campaignId, out var legacy) ? Migrated(row, legacy)
            : new CampaignCounters();
        counters.AccountMinutes = row.RecentActions;
        row.Campaigns[campaignId] = counters;
        return counters;
    }

    /// <summary>Every account's counters for a campaign, by account id (accounts removed since included).</summary>
    public async Task<Dictionary<string, CampaignCounters>> ReadCampaignAsync(string tenantId, string campaignId, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<string, CampaignCounters>(StringComparer.Ordinal);
        var (from, _) = EngineKeys.CounterRowRange(campaignId);
        await foreach (var e in Table.QueryAsync<TableEntity>(CampaignFilter(tenantId, campaignId), select: ["RowKey", "Counters"], cancellationToken: cancellationToken))
        {
            result[e.RowKey[from.Length..]] = Parse(e);
        }

        return result;
    }

    /// <summary>The filter of a campaign's counter rows in a tenant (for deleting them with the campaign).</summary>
    public static string CampaignFilter(string tenantId, string campaignId)
    {
        var (from, to) = EngineKeys.CounterRowRange(campaignId);
        return TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey ge {from} and RowKey lt {to}");
    }

    /// <summary>The row of one account's counters for one campaign.</summary>
    internal static TableEntity ToEntity(string tenantId, string accountId, string campaignId, CampaignCounters counters) =>
        new(tenantId, EngineKeys.CounterRow(campaignId, accountId))
        {
            ["Counters"] = JsonSerializer.Serialize(counters, EngineJson.Options),
        };

    // The recent actions of a campaign counted in the old property move to the account's recent usage with it.
    private static CampaignCounters Migrated(AccountRecord row, CampaignCounters legacy)
    {
        foreach (var (minute, count) in legacy.Minutes)
        {
            CampaignCounters.CountMinute(row.RecentActions, minute, count);
        }

        return legacy;
    }

    private static CampaignCounters Parse(TableEntity e) =>
        JsonSerializer.Deserialize<CampaignCounters>(e.GetString("Counters") ?? "{}", EngineJson.Options) ?? new CampaignCounters();
}
