using Azure.Core;

namespace Herald.Storage.Tables;

/// <summary>
/// Options of <see cref="TableServiceClient"/> and <see cref="TableClient"/>. Retries come from
/// <see cref="ClientOptions.Retry"/> (defaults: exponential with jitter, 3 retries, 0.8 s first delay,
/// 1 min cap, 100 s network timeout); 408, 5xx and transport failures are retried, other 4xx never.
/// </summary>
public sealed class TableClientOptions : ClientOptions
{
    /// <summary>The clock that stamps <c>x-ms-date</c> on Shared Key requests. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
