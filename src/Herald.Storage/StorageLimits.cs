namespace Herald.Storage;

/// <summary>Limits of the Table and Queue services that Herald plans around (the SDKs do not name them).</summary>
public static class StorageLimits
{
    /// <summary>The most actions one entity-group transaction may hold.</summary>
    public const int MaxTransactionActions = 100;

    /// <summary>The most messages one receive may return.</summary>
    public const int MaxMessagesPerReceive = 32;

    /// <summary>The longest visibility timeout a message may be given (7 days).</summary>
    public static readonly TimeSpan MaxVisibilityTimeout = TimeSpan.FromDays(7);
}
