using System.Globalization;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Herald.Storage.Internal;

namespace Herald.Storage.Queues;

/// <summary>
/// One queue (shaped like <c>Azure.Storage.Queues.QueueClient</c>): send with a visibility delay and a
/// time-to-live, receive with a visibility timeout, update (extend or shorten the invisibility, change the
/// text), delete with the pop receipt. Failures throw <see cref="RequestFailedException"/> with the service's
/// status and error code (<c>QueueNotFound</c>, <c>MessageNotFound</c>, <c>PopReceiptMismatch</c>…). Thread-safe.
/// </summary>
public partial class QueueClient
{
    /// <summary>The largest message the service accepts, after encoding: 64 KiB.</summary>
    public const int MaxMessageBytes = 64 * 1024;

    /// <summary>The longest visibility delay or timeout: 7 days.</summary>
    public static readonly TimeSpan MaxVisibilityTimeout = TimeSpan.FromDays(7);

    /// <summary>The most messages one receive returns.</summary>
    public const int MaxMessagesPerReceive = 32;

    internal const string ServiceVersion = "2021-12-02";

    private readonly HttpPipeline _pipeline;
    private readonly QueueMessageEncoding _encoding;

    /// <summary>Connects with a connection string (Shared Key). See <see cref="StorageConnectionString"/>.</summary>
    public QueueClient(string connectionString, string queueName, QueueClientOptions? options = null)
        : this(new QueueServiceClient(connectionString, options).GetQueueClient(queueName))
    {
    }

    /// <summary>Connects to <paramref name="queueUri"/> (the service endpoint plus <c>/queue-name</c>) with Shared Key.</summary>
    public QueueClient(Uri queueUri, StorageSharedKeyCredential credential, QueueClientOptions? options = null)
        : this(new QueueServiceClient(ServiceOf(queueUri), credential, options).GetQueueClient(NameOf(queueUri)))
    {
    }

    /// <summary>Connects to <paramref name="queueUri"/> (https) with Microsoft Entra ID tokens.</summary>
    public QueueClient(Uri queueUri, TokenCredential credential, QueueClientOptions? options = null)
        : this(new QueueServiceClient(ServiceOf(queueUri), credential, options).GetQueueClient(NameOf(queueUri)))
    {
    }

    internal QueueClient(HttpPipeline pipeline, Uri queueUri, string name, QueueMessageEncoding encoding)
    {
        _pipeline = pipeline;
        Uri = queueUri;
        Name = name;
        _encoding = encoding;
    }

    /// <summary>For mocking.</summary>
    protected QueueClient()
    {
        _pipeline = null!;
        Uri = null!;
        Name = null!;
    }

    private QueueClient(QueueClient other)
        : this(other._pipeline, other.Uri, other.Name, other._encoding)
    {
    }

    /// <summary>The queue URI.</summary>
    public virtual Uri Uri { get; }

    /// <summary>The queue name.</summary>
    public virtual string Name { get; }

    /// <summary>Creates the queue unless it exists (201 created, 204 already there, 409 there with other metadata).</summary>
    public virtual async Task<Response> CreateIfNotExistsAsync(IDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
    {
        using var request = CreateRequest(RequestMethod.Put, null);
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
        {
            request.Headers.Add("x-ms-meta-" + key, value);
        }

        var response = await _pipeline.SendRequestAsync(request, cancellationToken).ConfigureAwait(false);
        // 409 QueueAlreadyExists means "there, with other metadata": still not an error for IfNotExists. Any other 409
        // (QueueBeingDeleted) is.
        if (response.Status >= 400 && !(response.Status == 409 && StorageErrors.ParseBody(response).Code == "QueueAlreadyExists"))
        {
            throw StorageErrors.Create(response, $"Create queue '{Name}'");
        }

        return response;
    }

    /// <summary>Deletes the queue and its messages; true when it existed.</summary>
    public virtual async Task<Response<bool>> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using var request = CreateRequest(RequestMethod.Delete, null);
        var response = await SendAsync(request, $"Delete queue '{Name}'", cancellationToken, tolerated: 404).ConfigureAwait(false);
        return Response.FromValue(response.Status != 404, response);
    }

    /// <summary>Whether the queue exists.</summary>
    public virtual async Task<Response<bool>> ExistsAsync(CancellationToken cancellationToken = default)
    {
        using var request = CreateRequest(RequestMethod.Get, null);
        request.Uri.AppendQuery("comp", "metadata");
        var response = await SendAsync(request, $"Get queue '{Name}'", cancellationToken, tolerated: 404).ConfigureAwait(false);
        return Response.FromValue(response.Status != 404, response);
    }

    /// <summary>The queue's approximate message count and metadata.</summary>
    public virtual async Task<Response<QueueProperties>> GetPropertiesAsync(CancellationToken cancellationToken = default)
    {
        using var request = CreateRequest(RequestMethod.Get, null);
        request.Uri.AppendQuery("comp", "metadata");
        var response = await SendAsync(request, $"Get properties of queue '{Name}'", cancellationToken).ConfigureAwait(false);
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            if (header.Name.StartsWith("x-ms-meta-", StringComparison.OrdinalIgnoreCase))
            {
                metadata[header.Name["x-ms-meta-".Length..]] = header.Value;
            }
        }

        var count = response.Headers.TryGetValue("x-ms-approximate-messages-count", out var c) ? int.Parse(c, CultureInfo.InvariantCulture) : 0;
        return Response.FromValue(new QueueProperties { ApproximateMessagesCount = count, Metadata = metadata }, response);
    }

    /// <summary>Deletes every message of the queue.</summary>
    public virtual async Task<Response> ClearMessagesAsync(CancellationToken cancellationToken = default)
    {
        using var request = CreateRequest(RequestMethod.Delete, "messages");
        return await SendAsync(request, $"Clear queue '{Name}'", cancellationToken).ConfigureAwait(false);
    }

    private Request CreateRequest(RequestMethod method, string? relativePath)
    {
        var request = _pipeline.CreateRequest();
        request.Method = method;
        request.Uri.Reset(Uri);
        if (relativePath is not null)
        {
            request.Uri.AppendPath("/" + relativePath, escape: false);
        }

        request.Headers.Add("x-ms-version", ServiceVersion);
        return request;
    }

    private async Task<Response> SendAsync(Request request, string operation, CancellationToken cancellationToken, int tolerated = 0)
    {
        var response = await _pipeline.SendRequestAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Status >= 400 && response.Status != tolerated)
        {
            throw StorageErrors.Create(response, operation);
        }

        return response;
    }

    private static Uri ServiceOf(Uri queueUri)
    {
        ArgumentNullException.ThrowIfNull(queueUri);
        var path = queueUri.AbsolutePath.TrimEnd('/');
        var slash = path.LastIndexOf('/');
        return new UriBuilder(queueUri) { Path = slash <= 0 ? "/" : path[..slash], Query = string.Empty }.Uri;
    }

    private static string NameOf(Uri queueUri)
    {
        var path = queueUri.AbsolutePath.TrimEnd('/');
        return Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
    }
}
