namespace Herald.Storage.Queues;

/// <summary>A received message: hidden from other receivers until <see cref="NextVisibleOn"/>; delete or update it with <see cref="PopReceipt"/>.</summary>
public sealed class QueueMessage
{
    /// <summary>The message id.</summary>
    public required string MessageId { get; init; }

    /// <summary>The receipt of this delivery (each receive or update issues a new one).</summary>
    public required string PopReceipt { get; init; }

    /// <summary>The message body (decoded per <see cref="QueueClientOptions.MessageEncoding"/>).</summary>
    public required BinaryData Body { get; init; }

    /// <summary>The body as UTF-8 text.</summary>
    public string MessageText => Body.ToString();

    /// <summary>How many times the message has been received (1 on the first delivery).</summary>
    public long DequeueCount { get; init; }

    /// <summary>When the message was enqueued.</summary>
    public DateTimeOffset? InsertedOn { get; init; }

    /// <summary>When the message expires (year 9999 for never).</summary>
    public DateTimeOffset? ExpiresOn { get; init; }

    /// <summary>When the message becomes visible again.</summary>
    public DateTimeOffset? NextVisibleOn { get; init; }

    /// <summary>This message after an update: the new pop receipt and visibility time.</summary>
    public QueueMessage Update(UpdateReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return new QueueMessage
        {
            MessageId = MessageId,
            PopReceipt = receipt.PopReceipt,
            Body = Body,
            DequeueCount = DequeueCount,
            InsertedOn = InsertedOn,
            ExpiresOn = ExpiresOn,
            NextVisibleOn = receipt.NextVisibleOn,
        };
    }
}
