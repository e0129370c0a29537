using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace Herald.Engine.Persistence;

/// <summary>
/// The engine's tables and queues, named from <see cref="EngineOptions.NamePrefix"/>:
/// <c>{prefix}accounts</c>, <c>{prefix}campaigns</c>, <c>{prefix}targets</c>, <c>{prefix}stats</c>,
/// <c>{prefix}suppressions</c>, <c>{prefix}lane</c>, and the queues <c>{prefix}-ticks</c>, <c>{prefix}-control</c> and
/// <c>{prefix}-poison</c>.
/// </summary>
public sealed class EngineStorage
{
    /// <summary>Creates the clients over one storage account.</summary>
    public EngineStorage(TableServiceClient tables, QueueServiceClient queues, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(options);
        var p = options.NamePrefix;
        Accounts = tables.GetTableClient(p + "accounts");
        Campaigns = tables.GetTableClient(p + "campaigns");
        Targets = tables.GetTableClient(p + "targets");
        Stats = tables.GetTableClient(p + "stats");
        Suppressions = tables.GetTableClient(p + "suppressions");
        Lane = tables.GetTableClient(p + "lane");
        Ticks = queues.GetQueueClient(p + "-ticks");
        Poison = queues.GetQueueClient(p + "-poison");
    }

    /// <summary>One row per account: registration, actor state, tick id, lease, per-campaign counters.</summary>
    public TableClient Accounts { get; }

    /// <summary>One row per campaign: definition, lifecycle status, shard map.</summary>
    public TableClient Campaigns { get; }

    /// <summary>One row per recipient of a campaign, partitioned by campaign shard.</summary>
    public TableClient Targets { get; }

    /// <summary>One row per campaign × account: the counters shown in status and reports.</summary>
    public TableClient Stats { get; }

    /// <summary>Per tenant: recipients never to be contacted again (by hash, R34).</summary>
    public TableClient Suppressions { get; }

    /// <summary>Per account: its transactional lane of single messages (send, edit, delete), drained by its actor.</summary>
    public TableClient Lane { get; }

    /// <summary>Account ticks: the actors' heartbeats.</summary>
    public QueueClient Ticks { get; }

    /// <summary>Messages that failed too often, parked for an operator.</summary>
    public QueueClient Poison { get; }

    /// <summary>Creates every table and queue that is missing.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        await Task.WhenAll(
            Accounts.CreateIfNotExistsAsync(cancellationToken),
            Campaigns.CreateIfNotExistsAsync(cancellationToken),
            Targets.CreateIfNotExistsAsync(cancellationToken),
            Stats.CreateIfNotExistsAsync(cancellationToken),
            Suppressions.CreateIfNotExistsAsync(cancellationToken),
            Lane.CreateIfNotExistsAsync(cancellationToken),
            Ticks.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            Poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken));
    }
}
