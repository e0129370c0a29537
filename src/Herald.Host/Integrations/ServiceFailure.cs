namespace Herald.Host.Integrations;

/// <summary>Why a call to integration-service or parsing-service gave no usable answer.</summary>
public enum ServiceFailureKind
{
    /// <summary>The service has no base URL, or its key is not in the secret store.</summary>
    NotConfigured,

    /// <summary>404: the service has no such thing for this tenant.</summary>
    NotFound,

    /// <summary>401/403: the service refused Herald's key.</summary>
    Rejected,

    /// <summary>5xx, timeouts or network failures, after the retries.</summary>
    Unavailable,

    /// <summary>Another 4xx, or an answer Herald cannot read.</summary>
    BadAnswer,
}

/// <summary>A failed call: which service, why, and the status it answered (if any). Carries no secret and no recipient data.</summary>
/// <param name="Service"><c>integration-service</c> or <c>parsing-service</c>.</param>
/// <param name="Kind">Why.</param>
/// <param name="Status">The last HTTP status, when there was an answer.</param>
/// <param name="Detail">A sentence for the problem answer.</param>
public sealed record ServiceFailure(string Service, ServiceFailureKind Kind, int? Status, string Detail);
