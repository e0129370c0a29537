using System.Globalization;
using System.Net.Http.Headers;
using Herald.Platforms.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Herald.Host.Integrations;

/// <summary>
/// Sends one request to a neighbouring service: its key from the secret store (read per call, never logged), a timeout
/// per attempt, and retries (Polly) after 5xx answers, timeouts and network failures only — a 4xx is the service's
/// answer and is returned at once. Every outcome that is not a 2xx becomes a <see cref="ServiceFailure"/>.
/// </summary>
public sealed class ServiceCaller(ISecretStore secrets, TimeProvider time, ILogger<ServiceCaller> logger)
{
    /// <summary>
    /// The 2xx answer (the caller disposes it), or why there is none. <paramref name="create"/> builds a fresh request per
    /// attempt; <paramref name="completion"/> lets a caller stream the body.
    /// </summary>
    public async Task<(HttpResponseMessage? Response, ServiceFailure? Failure)> SendAsync(
        HttpClient http,
        string service,
        ServiceEndpointOptions endpoint,
        Func<HttpRequestMessage> create,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(create);
        if (!endpoint.IsConfigured)
        {
            return (null, new ServiceFailure(service, ServiceFailureKind.NotConfigured, null, $"{service} is not configured."));
        }

        var key = await secrets.GetAsync(endpoint.ApiKeySecret!, cancellationToken);
        if (string.IsNullOrEmpty(key))
        {
            Log.ServiceKeyMissing(logger, service);
            return (null, new ServiceFailure(service, ServiceFailureKind.NotConfigured, null, $"{service}'s key is not in the secret store."));
        }

        HttpResponseMessage response;
        try
        {
            response = await Pipeline(endpoint).ExecuteAsync(
                async ct =>
                {
                    using var request = create();
                    if (endpoint.Auth == ServiceAuthScheme.ApiKey)
                    {
                        request.Headers.Add("X-Api-Key", key);
                    }
                    else
                    {
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
                    }

                    return await http.SendAsync(request, completion, ct);
                },
                cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Log.ServiceUnavailable(logger, service, e.GetType().Name, null);
            return (null, new ServiceFailure(service, ServiceFailureKind.Unavailable, null, $"{service} did not answer; try again later."));
        }

        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            return (response, null);
        }

        response.Dispose();
        Log.ServiceUnavailable(logger, service, "status", status);
        return (null, status switch
        {
            404 => new ServiceFailure(service, ServiceFailureKind.NotFound, status, $"{service} has no such item for this tenant."),
            401 or 403 => new ServiceFailure(service, ServiceFailureKind.Rejected, status, $"{service} refused Herald's key ({status})."),
            >= 500 => new ServiceFailure(service, ServiceFailureKind.Unavailable, status, string.Create(CultureInfo.InvariantCulture, $"{service} answered {status}; try again later.")),
            _ => new ServiceFailure(service, ServiceFailureKind.BadAnswer, status, string.Create(CultureInfo.InvariantCulture, $"{service} refused the request ({status}).")),
        });
    }

    private ResiliencePipeline<HttpResponseMessage> Pipeline(ServiceEndpointOptions endpoint)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (endpoint.Retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = endpoint.Retries,
                Delay = endpoint.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => (int)r.StatusCode >= 500),
                OnRetry = args =>
                {
                    // The refused answer is not handed on: release its connection before the next attempt.
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            });
        }

        return builder.AddTimeout(endpoint.Timeout).Build();
    }
}
