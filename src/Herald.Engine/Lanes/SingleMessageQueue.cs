using Herald.Engine.Accounts;
using Herald.Engine.Model;
using Herald.Engine.Persistence;
using Herald.Platforms.Abstractions;

namespace Herald.Engine.Lanes;

/// <summary>
/// The API's side of the transactional lane: puts a single message in its account's lane (a durable row, so it is
/// never lost) and wakes the account, whose actor sends it in its next turn, in whichever worker holds the account.
/// </summary>
public sealed class SingleMessageQueue(LaneStore store, AccountService accounts, TimeProvider time)
{
    /// <summary>The lane row an operation will have once enqueued at <paramref name="at"/> (its key is fixed before the write).</summary>
    public static string RowFor(DateTimeOffset at, string operationId) => LaneMessage.Row(at, operationId);

    /// <summary>Enqueues <paramref name="command"/> about message <paramref name="messageId"/> as row <paramref name="rowKey"/> and wakes the account.</summary>
    public async Task<LaneMessage> EnqueueAsync(string tenantId, string accountId, string rowKey, string messageId, SingleMessageCommand command, CancellationToken cancellationToken = default)
    {
        var message = new LaneMessage
        {
            TenantId = tenantId,
            AccountId = accountId,
            RowKey = rowKey,
            MessageId = messageId,
            Command = command,
            Status = LaneStatus.Pending,
            EnqueuedAt = time.GetUtcNow(),
        };
        await store.AddAsync(message, cancellationToken);
        await accounts.WakeAsync(tenantId, accountId, cancellationToken);
        return message;
    }

    /// <summary>The lane row as it stands, or null.</summary>
    public Task<LaneMessage?> GetAsync(string tenantId, string accountId, string rowKey, CancellationToken cancellationToken = default) =>
        store.GetAsync(tenantId, accountId, rowKey, cancellationToken);

    /// <summary>Deletes lane rows that ended before <paramref name="before"/>.</summary>
    public Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken = default) => store.PurgeAsync(before, cancellationToken);
}
