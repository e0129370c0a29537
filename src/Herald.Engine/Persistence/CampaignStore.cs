using Azure;
using Azure.Data.Tables;
using Herald.Engine.Model;

namespace Herald.Engine.Persistence;

/// <summary>Reads and writes campaign rows; every write is conditional on the row's ETag.</summary>
public sealed class CampaignStore(EngineStorage storage)
{
    private TableClient Table => storage.Campaigns;

    /// <summary>The campaign, or null when the tenant has none with that id.</summary>
    public async Task<CampaignRecord?> GetAsync(string tenantId, string campaignId, CancellationToken cancellationToken = default)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(tenantId, campaignId, cancellationToken: cancellationToken);
        return response.HasValue ? CampaignRecord.FromEntity(response.Value!) : null;
    }

    /// <summary>Only the status of a campaign (a cheap read before each action), or null when it is gone.</summary>
    public async Task<CampaignStatus?> GetStatusAsync(string tenantId, string campaignId, CancellationToken cancellationToken = default)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(tenantId, campaignId, ["Status"], cancellationToken);
        return response.HasValue && Enum.TryParse<CampaignStatus>(response.Value!.GetString("Status"), out var status) ? status : null;
    }

    /// <summary>Adds a new campaign row.</summary>
    public async Task AddAsync(CampaignRecord campaign, CancellationToken cancellationToken = default)
    {
        var response = await Table.AddEntityAsync(campaign.ToEntity(), cancellationToken);
        campaign.ETag = response.Headers.ETag ?? default;
    }

    /// <summary>Replaces the row if nobody changed it since it was read; false on a conflict (412).</summary>
    public async Task<bool> TryReplaceAsync(CampaignRecord campaign, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await Table.UpdateEntityAsync(campaign.ToEntity(), campaign.ETag, TableUpdateMode.Replace, cancellationToken);
            campaign.ETag = response.Headers.ETag ?? default;
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the freshest row until the write wins. The change returns
    /// false to leave the row as it is. Returns the row as it ends up, or null when there is none.
    /// </summary>
    public async Task<CampaignRecord?> UpdateAsync(string tenantId, string campaignId, Func<CampaignRecord, bool> change, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var campaign = await GetAsync(tenantId, campaignId, cancellationToken);
            if (campaign is null || !change(campaign))
            {
                return campaign;
            }

            if (await TryReplaceAsync(campaign, cancellationToken))
            {
                return campaign;
            }

            if (attempt > 50)
            {
                throw new InvalidOperationException($"Campaign {campaignId} kept changing under 50 attempts to update it.");
            }
        }
    }

    /// <summary>The tenant's campaigns, newest first is not guaranteed: ordered by id.</summary>
    public async Task<List<CampaignRecord>> ListAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var list = new List<CampaignRecord>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId}");
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            list.Add(CampaignRecord.FromEntity(e));
        }

        return list;
    }

    /// <summary>
    /// One page of the tenant's campaigns (optionally in one status) in storage order, which is newest first for campaigns
    /// with time-ordered ids (<see cref="EngineKeys.NewCampaignId"/>): up to <paramref name="pageSize"/> rows read from
    /// <paramref name="continuation"/> on (a <see cref="CampaignPageToken"/>), and the continuation of the next page (null
    /// on the last). Null when the continuation is not one of this tenant's.
    /// </summary>
    public async Task<CampaignListPage?> ListPageAsync(string tenantId, CampaignStatus? status, int pageSize, string? continuation, CancellationToken cancellationToken = default)
    {
        string? from = null;
        if (continuation is not null && !CampaignPageToken.TryRead(continuation, tenantId, out from))
        {
            return null;
        }

        var filter = status is { } s
            ? TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and Status eq {s.ToString()}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {tenantId}");
        try
        {
            await foreach (var page in Table.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken).AsPages(from, pageSize))
            {
                var next = page.ContinuationToken is { Length: > 0 } token ? CampaignPageToken.Write(tenantId, token) : null;
                return new CampaignListPage([.. page.Values.Select(CampaignRecord.FromEntity)], next);
            }
        }
        catch (RequestFailedException e) when (from is not null && e.Status == 400)
        {
            return null;
        }

        return new CampaignListPage([], null);
    }

    /// <summary>The tenant's campaigns in one status.</summary>
    public async Task<List<CampaignRecord>> ListAsync(string tenantId, CampaignStatus status, CancellationToken cancellationToken = default)
    {
        var list = new List<CampaignRecord>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and Status eq {status.ToString()}");
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            list.Add(CampaignRecord.FromEntity(e));
        }

        return list;
    }

    /// <summary>
    /// Campaigns of every tenant that have not ended, were created at or before <paramref name="createdBefore"/> and whose
    /// orchestration was not yet found (<see cref="CampaignRecord.Orchestrated"/> unset, as on rows older than it).
    /// </summary>
    public async Task<List<CampaignRecord>> ListUnorchestratedAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken = default)
    {
        var list = new List<CampaignRecord>();
        var filter = TableClient.CreateQueryFilter(
            $"Status ne {nameof(CampaignStatus.Cancelled)} and Status ne {nameof(CampaignStatus.Completed)} and Status ne {nameof(CampaignStatus.CompletedWithErrors)} and CreatedAt le {createdBefore}");
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            // Filtered here, not in the query: a row written before the marker existed has no such property to compare.
            var campaign = CampaignRecord.FromEntity(e);
            if (!campaign.Orchestrated)
            {
                list.Add(campaign);
            }
        }

        return list;
    }

    /// <summary>Running campaigns of every tenant whose shards were all found empty (completion candidates).</summary>
    public async Task<List<CampaignRecord>> ListRunningExhaustedAsync(CancellationToken cancellationToken = default)
    {
        var list = new List<CampaignRecord>();
        var filter = TableClient.CreateQueryFilter($"Status eq {nameof(CampaignStatus.Running)}");
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var campaign = CampaignRecord.FromEntity(e);
            if (campaign.AllShardsExhausted)
            {
                list.Add(campaign);
            }
        }

        return list;
    }
}
