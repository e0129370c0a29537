namespace Herald.Storage.Queues;

/// <summary>A queue's properties.</summary>
public sealed class QueueProperties
{
    /// <summary>The approximate number of messages (visible and invisible, not yet expired or deleted).</summary>
    public int ApproximateMessagesCount { get; init; }

    /// <summary>The queue's metadata (<c>x-ms-meta-*</c>).</summary>
    public IDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}
