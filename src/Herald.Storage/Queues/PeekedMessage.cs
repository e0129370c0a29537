namespace Herald.Storage.Queues;

/// <summary>A message seen without receiving it (no pop receipt, visibility unchanged).</summary>
public sealed class PeekedMessage
{
    /// <summary>The message id.</summary>
    public required string MessageId { get; init; }

    /// <summary>The message body (decoded per <see cref="QueueClientOptions.MessageEncoding"/>).</summary>
    public required BinaryData Body { get; init; }

    /// <summary>The body as UTF-8 text.</summary>
    public string MessageText => Body.ToString();

    /// <summary>How many times the message has been received.</summary>
    public long DequeueCount { get; init; }

    /// <summary>When the message was enqueued.</summary>
    public DateTimeOffset? InsertedOn { get; init; }

    /// <summary>When the message expires.</summary>
    public DateTimeOffset? ExpiresOn { get; init; }
}
