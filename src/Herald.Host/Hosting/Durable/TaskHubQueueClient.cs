using Azure;
using Azure.Core;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Herald.Host.Hosting.Durable;

/// <summary>
/// A task hub queue whose receives, once sent, are let finish even if their caller gives up meanwhile, so the messages
/// the service handed out always reach the caller. The Durable Task Framework's control-queue listener receives with a
/// token that is cancelled when its partition is released (handed to another host, or at shutdown). A receive cancelled
/// after the service had dequeued its messages left them invisible for the whole visibility timeout (5 minutes by
/// default) with no host holding them, and their orchestrations stood still as long (seen with two worker hosts: the
/// host that handed a partition over listens to it for about a second more, a known quirk of the framework's table
/// partition manager, and an activity result it received then was lost). Handed back, they are abandoned by the
/// framework as messages of a released partition and its new owner gets them within seconds.
/// </summary>
internal sealed class TaskHubQueueClient : QueueClient
{
    /// <summary>A queue of the account behind <paramref name="connectionString"/>.</summary>
    public TaskHubQueueClient(string connectionString, string queueName, QueueClientOptions options)
        : base(connectionString, queueName, options)
    {
    }

    /// <summary>The queue at <paramref name="queueUri"/>, reached with <paramref name="credential"/>.</summary>
    public TaskHubQueueClient(Uri queueUri, TokenCredential credential, QueueClientOptions options)
        : base(queueUri, credential, options)
    {
    }

    /// <inheritdoc />
    public override Task<Response<QueueMessage[]>> ReceiveMessagesAsync(int? maxMessages = null, TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default) =>
        // Not the caller's token (see the type's remarks): the client's own timeouts and retries still bound it.
        base.ReceiveMessagesAsync(maxMessages, visibilityTimeout, CancellationToken.None);

    /// <inheritdoc />
    public override Task<Response<QueueMessage>> ReceiveMessageAsync(TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default) =>
        base.ReceiveMessageAsync(visibilityTimeout, CancellationToken.None);
}
