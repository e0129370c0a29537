using Azure.Core;
using Azure.Storage.Queues;
using DurableTask.AzureStorage;

namespace Herald.Host.Hosting.Durable;

/// <summary>Gives the Durable Task Framework its queue service as a <see cref="TaskHubQueueServiceClient"/>.</summary>
internal sealed class TaskHubQueueProvider(Func<QueueClientOptions, QueueServiceClient> create, QueueClientOptions defaults)
    : IStorageServiceClientProvider<QueueServiceClient, QueueClientOptions>
{
    /// <summary>The queues of the account behind <paramref name="connectionString"/>.</summary>
    public static TaskHubQueueProvider For(string connectionString, QueueClientOptions? options = null) =>
        new(o => new TaskHubQueueServiceClient(connectionString, o), options ?? new QueueClientOptions());

    /// <summary>The queues at <paramref name="serviceUri"/>, reached with <paramref name="credential"/>.</summary>
    public static TaskHubQueueProvider For(Uri serviceUri, TokenCredential credential) =>
        new(o => new TaskHubQueueServiceClient(serviceUri, credential, o), new QueueClientOptions());

    /// <inheritdoc />
    public QueueClientOptions CreateOptions() => defaults; // one instance, as the framework's own providers do

    /// <inheritdoc />
    public QueueServiceClient CreateClient(QueueClientOptions options) => create(options);
}
