namespace Herald.Storage.Tables;

/// <summary>The kind of one operation inside an entity-group transaction.</summary>
public enum TableTransactionActionType
{
    /// <summary>Insert; fails (409 <c>EntityAlreadyExists</c>) when the entity exists.</summary>
    Add,

    /// <summary>Merge into an existing entity, guarded by the action's ETag (<c>*</c> when default).</summary>
    UpdateMerge,

    /// <summary>Replace an existing entity, guarded by the action's ETag (<c>*</c> when default).</summary>
    UpdateReplace,

    /// <summary>Delete, guarded by the action's ETag (<c>*</c> when default).</summary>
    Delete,

    /// <summary>Insert or merge, unconditionally.</summary>
    UpsertMerge,

    /// <summary>Insert or replace, unconditionally.</summary>
    UpsertReplace,
}
