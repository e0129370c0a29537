using System.Collections.Concurrent;
using System.Net;

namespace Herald.Storage.Tests.Pipeline;

/// <summary>
/// The HTTP layer under Azure.Core's real <c>HttpClientTransport</c>: records every request that reaches the
/// wire and answers from a script, so retries, auth headers and "no request was made" can be observed.
/// </summary>
internal sealed class ScriptedHandler(Func<HttpRequestMessage, int, HttpResponseMessage> respond) : HttpMessageHandler
{
    public ConcurrentQueue<(HttpRequestMessage Request, string? Body)> Requests { get; } = new();

    public int Count => Requests.Count;

    public static HttpResponseMessage Status(HttpStatusCode status, string? body = null, string contentType = "application/json")
    {
        var response = new HttpResponseMessage(status);
        if (body is not null)
        {
            response.Content = new StringContent(body, System.Text.Encoding.UTF8, contentType);
        }

        response.Headers.Add("x-ms-request-id", Guid.NewGuid().ToString());
        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Enqueue((request, body));
        return respond(request, Requests.Count);
    }
}
