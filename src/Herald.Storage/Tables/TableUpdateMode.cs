namespace Herald.Storage.Tables;

/// <summary>How an update or upsert treats properties the request does not carry.</summary>
public enum TableUpdateMode
{
    /// <summary>Keep the stored properties the request does not mention (MERGE).</summary>
    Merge,

    /// <summary>Replace the whole entity: properties the request does not mention are removed (PUT).</summary>
    Replace,
}
