using Azure.Core;

namespace Herald.Storage.Internal;

/// <summary>
/// Retries 408 and 5xx (except 501 Not Implemented and 505 Version Not Supported, which never heal);
/// never another 4xx. Transport failures (timeouts, connection resets) are retried by the base class.
/// </summary>
internal sealed class StorageResponseClassifier : ResponseClassifier
{
    public override bool IsRetriableResponse(HttpMessage message)
    {
        var status = message.Response.Status;
        return status == 408 || (status >= 500 && status != 501 && status != 505);
    }

    public override bool IsErrorResponse(HttpMessage message) => message.Response.Status >= 400;
}
