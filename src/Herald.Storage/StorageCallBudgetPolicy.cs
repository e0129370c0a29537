using Azure.Core;
using Azure.Core.Pipeline;

namespace Herald.Storage;

/// <summary>
/// Applies <see cref="StorageCallBudget.Current"/> to a request before the retry policy sees it: the budget becomes the
/// request's network timeout (when shorter) and nothing is retried, so the caller hears of an outage within the budget.
/// </summary>
internal sealed class StorageCallBudgetPolicy : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        if (StorageCallBudget.Current is not { } budget || message.ResponseClassifier is NotRetried)
        {
            return;
        }

        var timeout = message.NetworkTimeout ?? StorageClientOptions.NetworkTimeout;
        message.NetworkTimeout = budget < timeout ? budget : timeout;
        message.ResponseClassifier = new NotRetried(message.ResponseClassifier);
    }

    /// <summary>The client's own classification of errors, with every retry turned off.</summary>
    private sealed class NotRetried(ResponseClassifier inner) : ResponseClassifier
    {
        public override bool IsErrorResponse(HttpMessage message) => inner.IsErrorResponse(message);

        public override bool IsRetriableResponse(HttpMessage message) => false;

        public override bool IsRetriableException(Exception exception) => false;

        public override bool IsRetriable(HttpMessage message, Exception exception) => false;
    }
}
