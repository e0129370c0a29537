using Azure.Core;

namespace Herald.Storage.Queues;

/// <summary>
/// Options of <see cref="QueueServiceClient"/> and <see cref="QueueClient"/>. Retries come from
/// <see cref="ClientOptions.Retry"/> (defaults: exponential with jitter, 3 retries, 0.8 s first delay, 1 min cap,
/// 100 s network timeout); 408, 5xx and transport failures are retried, other 4xx never.
/// </summary>
public sealed class QueueClientOptions : ClientOptions
{
    /// <summary>
    /// The encoding of message text. Default: <see cref="QueueMessageEncoding.Base64"/> (the official SDK defaults to
    /// None; Herald chooses base64 because Azure Functions queue triggers expect it and any text survives XML).
    /// </summary>
    public QueueMessageEncoding MessageEncoding { get; set; } = QueueMessageEncoding.Base64;

    /// <summary>The clock that stamps <c>x-ms-date</c> on Shared Key requests. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
