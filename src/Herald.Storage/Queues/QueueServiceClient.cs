using Azure.Core;
using Azure.Core.Pipeline;
using Herald.Storage.Internal;

namespace Herald.Storage.Queues;

/// <summary>
/// The Queue service of one account (shaped like <c>Azure.Storage.Queues.QueueServiceClient</c>): hands out
/// <see cref="QueueClient"/>s that share its HTTP pipeline. Thread-safe; keep one.
/// </summary>
public class QueueServiceClient
{
    private readonly HttpPipeline _pipeline;
    private readonly QueueMessageEncoding _encoding;

    /// <summary>Connects with a connection string (Shared Key). See <see cref="StorageConnectionString"/>.</summary>
    public QueueServiceClient(string connectionString, QueueClientOptions? options = null)
        : this(StorageConnectionString.Parse(connectionString), options ?? new QueueClientOptions())
    {
    }

    /// <summary>Connects to the service <paramref name="serviceUri"/> with Shared Key.</summary>
    public QueueServiceClient(Uri serviceUri, StorageSharedKeyCredential credential, QueueClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(serviceUri);
        ArgumentNullException.ThrowIfNull(credential);
        options ??= new QueueClientOptions();
        Uri = serviceUri;
        _encoding = options.MessageEncoding;
        _pipeline = StoragePipeline.Build(options, StoragePipeline.SharedKey(credential, StorageService.Queue, options.TimeProvider));
    }

    /// <summary>Connects to the service <paramref name="serviceUri"/> (https) with Microsoft Entra ID tokens for <c>https://storage.azure.com/.default</c>.</summary>
    public QueueServiceClient(Uri serviceUri, TokenCredential credential, QueueClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(serviceUri);
        ArgumentNullException.ThrowIfNull(credential);
        options ??= new QueueClientOptions();
        Uri = serviceUri;
        _encoding = options.MessageEncoding;
        _pipeline = StoragePipeline.Build(options, StoragePipeline.Bearer(credential));
    }

    private QueueServiceClient(StorageConnectionString connectionString, QueueClientOptions options)
        : this(connectionString.QueueEndpoint, connectionString.GetSharedKeyCredential(), options)
    {
    }

    /// <summary>For mocking.</summary>
    protected QueueServiceClient()
    {
        _pipeline = null!;
        Uri = null!;
    }

    /// <summary>The service endpoint.</summary>
    public virtual Uri Uri { get; }

    /// <summary>A client for one queue (no request is made). Names: 3–63 lower-case letters, digits and single dashes.</summary>
    public virtual QueueClient GetQueueClient(string queueName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queueName);
        var baseUri = Uri.AbsoluteUri.TrimEnd('/');
        return new QueueClient(_pipeline, new Uri($"{baseUri}/{Uri.EscapeDataString(queueName)}"), queueName, _encoding);
    }
}
