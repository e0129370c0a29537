using Azure;

namespace Herald.Storage.Tables;

/// <summary>
/// An entity-group transaction was rejected as a whole (nothing of it was applied). A
/// <see cref="RequestFailedException"/> whose <see cref="RequestFailedException.Status"/> and
/// <see cref="RequestFailedException.ErrorCode"/> are those of the failing operation.
/// </summary>
public sealed class TableTransactionFailedException : RequestFailedException
{
    /// <summary>Creates the exception.</summary>
    public TableTransactionFailedException(int status, string message, string? errorCode, int? failedTransactionActionIndex)
        : base(status, message, errorCode, null)
    {
        FailedTransactionActionIndex = failedTransactionActionIndex;
    }

    /// <summary>The zero-based index of the failing action, when the service reported it.</summary>
    public int? FailedTransactionActionIndex { get; }
}
