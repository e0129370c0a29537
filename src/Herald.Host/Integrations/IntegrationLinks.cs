using Azure.Data.Tables;
using Herald.Host.Storage;

namespace Herald.Host.Integrations;

/// <summary>
/// What Herald knows about its accounts and integration-service (table <c>heraldintegrationlinks</c>, partition = tenant,
/// row = Herald's account id): integration-service's id of an account imported from it, and the block last reported, so
/// each block is reported once.
/// </summary>
public sealed class IntegrationLinks
{
    private readonly EnsuredTable _table;

    /// <summary>Uses the <c>heraldintegrationlinks</c> table of <paramref name="tables"/>, created on first use.</summary>
    public IntegrationLinks(TableServiceClient tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _table = new EnsuredTable(tables.GetTableClient(HostTables.IntegrationLinks));
    }

    /// <summary>The link of an account, or null.</summary>
    public async Task<IntegrationLink?> GetAsync(string tenantId, string accountId, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(tenantId, accountId, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e ? new IntegrationLink(e.GetString("ExternalId"), e.GetDateTimeOffset("ReportedBlockedAt")) : null;
    }

    /// <summary>Notes that <paramref name="accountId"/> is integration-service's <paramref name="externalId"/>.</summary>
    public async Task LinkAsync(string tenantId, string accountId, string externalId, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(tenantId, accountId) { ["ExternalId"] = externalId }, TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>Notes that the block recorded at <paramref name="blockedAt"/> was reported.</summary>
    public async Task MarkReportedAsync(string tenantId, string accountId, DateTimeOffset blockedAt, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(tenantId, accountId) { ["ReportedBlockedAt"] = blockedAt }, TableUpdateMode.Merge, cancellationToken);
    }
}

/// <summary>An account's link to integration-service.</summary>
/// <param name="ExternalId">integration-service's id, when the account was imported from it.</param>
/// <param name="ReportedBlockedAt">When the block last reported was recorded, if one was.</param>
public sealed record IntegrationLink(string? ExternalId, DateTimeOffset? ReportedBlockedAt);
