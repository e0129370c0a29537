using Azure;

namespace Herald.Storage.Tables;

/// <summary>One operation of an entity-group transaction (<see cref="TableClient.SubmitTransactionAsync"/>).</summary>
public sealed class TableTransactionAction
{
    /// <summary>Creates an action; <paramref name="etag"/> guards updates and deletes (default means <c>*</c>).</summary>
    public TableTransactionAction(TableTransactionActionType actionType, ITableEntity entity, ETag etag = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ActionType = actionType;
        Entity = entity;
        ETag = etag;
    }

    /// <summary>What to do.</summary>
    public TableTransactionActionType ActionType { get; }

    /// <summary>The entity (for deletes only its keys are used).</summary>
    public ITableEntity Entity { get; }

    /// <summary>The If-Match ETag of updates and deletes; default means unconditional (<c>*</c>).</summary>
    public ETag ETag { get; }
}
