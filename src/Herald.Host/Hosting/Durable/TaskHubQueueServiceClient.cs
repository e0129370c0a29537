using Azure.Core;
using Azure.Storage.Queues;

namespace Herald.Host.Hosting.Durable;

/// <summary>The task hub's queue service: its queues are <see cref="TaskHubQueueClient"/>s.</summary>
internal sealed class TaskHubQueueServiceClient : QueueServiceClient
{
    private readonly Func<string, QueueClient> _queue;

    /// <summary>The queue service of the account behind <paramref name="connectionString"/>.</summary>
    public TaskHubQueueServiceClient(string connectionString, QueueClientOptions options)
        : base(connectionString, options)
    {
        _queue = name => new TaskHubQueueClient(connectionString, name, options);
    }

    /// <summary>The queue service at <paramref name="serviceUri"/>, reached with <paramref name="credential"/>.</summary>
    public TaskHubQueueServiceClient(Uri serviceUri, TokenCredential credential, QueueClientOptions options)
        : base(serviceUri, credential, options)
    {
        _queue = name => new TaskHubQueueClient(new UriBuilder(serviceUri) { Path = $"{serviceUri.AbsolutePath.TrimEnd('/')}/{name}" }.Uri, credential, options);
    }

    /// <inheritdoc />
    public override QueueClient GetQueueClient(string queueName) => _queue(queueName);
}
