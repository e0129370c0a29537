using Azure.Core;
using Azure.Core.Pipeline;

namespace Herald.Engine.Tests.Infrastructure;

/// <summary>Counts the requests sent through the storage clients it is added to, by kind, while <see cref="On"/>.</summary>
public sealed class RequestCounter : HttpPipelineSynchronousPolicy
{
    private readonly List<string> _requests = [];

    /// <summary>Counting only while true.</summary>
    public bool On { get; set; }

    /// <summary>Every request counted: method and path (the query string left out).</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public void Reset()
    {
        lock (_requests)
        {
            _requests.Clear();
        }
    }

    public override void OnSendingRequest(HttpMessage message)
    {
        if (!On)
        {
            return;
        }

        lock (_requests)
        {
            _requests.Add($"{message.Request.Method} {Uri.UnescapeDataString(message.Request.Uri.Path)}");
        }
    }
}
