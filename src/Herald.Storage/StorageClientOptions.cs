using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace Herald.Storage;

/// <summary>
/// The SDK client options Herald uses: exponential retries with jitter (3 retries, 0.8 s first delay, 10 s cap) for
/// what the SDK classifies as transient (408, 5xx such as 503 ServerBusy, and transport failures; a 4xx such as 409
/// or 412 is an answer, never retried), and a network timeout short enough that a hung storage account fails a
/// request in seconds instead of minutes. Table clients also refuse the transactions Azurite would misapply
/// (<see cref="AzuriteBatchGuardPolicy"/>). Calls made inside a <see cref="StorageCallBudget"/> scope (API requests,
/// readiness checks) get that budget per try and no retries (<see cref="StorageCallBudgetPolicy"/>).
/// </summary>
public static class StorageClientOptions
{
    /// <summary>How long one try may wait for the service. Default: 30 s.</summary>
    public static readonly TimeSpan NetworkTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Options for <see cref="TableServiceClient"/> and <see cref="TableClient"/>.</summary>
    public static TableClientOptions Tables(HttpPipelineTransport? transport = null)
    {
        var options = new TableClientOptions();
        Configure(options.Retry);
        options.AddPolicy(new AzuriteBatchGuardPolicy(), HttpPipelinePosition.PerCall);
        options.AddPolicy(new StorageCallBudgetPolicy(), HttpPipelinePosition.PerCall);
        if (transport is not null)
        {
            options.Transport = transport;
        }

        return options;
    }

    /// <summary>Options for <see cref="QueueServiceClient"/> and <see cref="QueueClient"/>.</summary>
    public static QueueClientOptions Queues(QueueMessageEncoding encoding = QueueMessageEncoding.Base64, HttpPipelineTransport? transport = null)
    {
        var options = new QueueClientOptions { MessageEncoding = encoding };
        Configure(options.Retry);
        options.AddPolicy(new StorageCallBudgetPolicy(), HttpPipelinePosition.PerCall);
        if (transport is not null)
        {
            options.Transport = transport;
        }

        return options;
    }

    private static void Configure(RetryOptions retry)
    {
        retry.Mode = RetryMode.Exponential;
        retry.MaxRetries = 3;
        retry.Delay = TimeSpan.FromMilliseconds(800);
        retry.MaxDelay = TimeSpan.FromSeconds(10);
        retry.NetworkTimeout = NetworkTimeout;
    }
}
