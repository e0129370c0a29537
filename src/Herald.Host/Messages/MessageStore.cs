using Azure.Data.Tables;
using Herald.Host.Resources;
using Herald.Host.Storage;

namespace Herald.Host.Messages;

/// <summary>Single messages in the <c>heraldmessages</c> table (<see cref="HostTables.Messages"/>): partition = tenant, row = message id.</summary>
public sealed class MessageStore
{
    private readonly EnsuredTable _table;

    /// <summary>Uses the <c>heraldmessages</c> table of <paramref name="tables"/>, created on first use.</summary>
    public MessageStore(TableServiceClient tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _table = new EnsuredTable(tables.GetTableClient(HostTables.Messages));
    }

    /// <summary>Adds a new message row.</summary>
    public async Task AddAsync(MessageRecord message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var table = await _table.GetAsync(cancellationToken);
        await table.AddEntityAsync(ToEntity(message), cancellationToken);
    }

    /// <summary>The message, or null when the tenant has none with that id.</summary>
    public async Task<MessageRecord?> GetAsync(string tenantId, string messageId, CancellationToken cancellationToken = default)
    {
        if (!ResourceIds.IsValid(messageId))
        {
            return null;
        }

        var table = await _table.GetAsync(cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(tenantId, messageId, cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    /// <summary>Replaces the row (last writer wins: the platform call that changed it has already happened).</summary>
    public async Task ReplaceAsync(MessageRecord message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var table = await _table.GetAsync(cancellationToken);
        await table.UpsertEntityAsync(ToEntity(message), TableUpdateMode.Replace, cancellationToken);
    }

    private static TableEntity ToEntity(MessageRecord m) => new(m.TenantId, m.Id)
    {
        ["AccountId"] = m.AccountId,
        ["ChatId"] = m.ChatId,
        ["PlatformMessageId"] = m.PlatformMessageId,
        ["SentAt"] = m.SentAt,
        ["EditedAt"] = m.EditedAt,
        ["DeletedAt"] = m.DeletedAt,
    };

    private static MessageRecord FromEntity(TableEntity e) => new()
    {
        Id = e.RowKey,
        TenantId = e.PartitionKey,
        AccountId = e.GetString("AccountId") ?? "",
        ChatId = e.GetString("ChatId") ?? "",
        PlatformMessageId = e.GetInt64("PlatformMessageId") ?? 0,
        SentAt = e.GetDateTimeOffset("SentAt") ?? DateTimeOffset.UnixEpoch,
        EditedAt = e.GetDateTimeOffset("EditedAt"),
        DeletedAt = e.GetDateTimeOffset("DeletedAt"),
    };
}
