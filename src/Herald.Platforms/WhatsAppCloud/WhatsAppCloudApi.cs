using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Herald.Platforms.WhatsAppCloud;

/// <summary>
/// The Cloud API calls Herald makes, over a named <see cref="HttpClient"/> (its request logging removed: the
/// factory's log lines would be harmless here, but the header carries the token and we keep one rule for all):
/// <c>POST /{version}/{phone-number-id}/messages</c> and <c>GET /{version}/{phone-number-id}?fields=quality_rating</c>.
/// Expected failures are values (<see cref="WhatsAppApiError"/>), never exceptions.
/// </summary>
public sealed class WhatsAppCloudApi
{
    /// <summary>The name of the HTTP client it uses.</summary>
    public const string HttpClientName = "herald-whatsapp-cloud";

    private readonly IHttpClientFactory _http;
    private readonly WhatsAppCloudOptions _options;
    private readonly ILogger _logger;

    internal WhatsAppCloudApi(IHttpClientFactory http, WhatsAppCloudOptions options, ILogger<WhatsAppCloudApi> logger)
    {
        _http = http;
        _options = options;
        _logger = logger;
    }

    /// <summary>Sends one message (the body as the Cloud API takes it); the <c>wamid</c> or the error.</summary>
    public async Task<(string? MessageId, WhatsAppApiError? Error)> SendMessageAsync(
        WhatsAppCredentials credentials, JsonObject body, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url(credentials.PhoneNumberId + "/messages"))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        var (json, error) = await CallAsync(credentials, request, cancellationToken);
        if (error is not null)
        {
            return (null, error);
        }

        var id = json?["messages"] is JsonArray { Count: > 0 } messages ? messages[0]?["id"]?.GetValue<string>() : null;
        return id is null
            ? (null, new WhatsAppApiError(WhatsAppErrorSource.Protocol, 200, 0, null, "No message id in the answer."))
            : (id, null);
    }

    /// <summary>The number's <c>quality_rating</c> (GREEN, YELLOW, RED, UNKNOWN) or the error.</summary>
    public async Task<(string? Rating, WhatsAppApiError? Error)> GetQualityRatingAsync(
        WhatsAppCredentials credentials, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url(credentials.PhoneNumberId + "?fields=quality_rating"));
        var (json, error) = await CallAsync(credentials, request, cancellationToken);
        return error is not null ? (null, error) : (json?["quality_rating"]?.GetValue<string>() ?? "UNKNOWN", null);
    }

    private Uri Url(string path) => new($"{_options.BaseUrl.TrimEnd('/')}/{_options.ApiVersion}/{path}");

    private async Task<(JsonNode? Json, WhatsAppApiError? Error)> CallAsync(
        WhatsAppCredentials credentials, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credentials.AccessToken);
        var client = _http.CreateClient(HttpClientName);
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            JsonNode? json;
            try
            {
                json = JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                json = null;
            }

            if (response.IsSuccessStatusCode)
            {
                return json is null
                    ? (null, new WhatsAppApiError(WhatsAppErrorSource.Protocol, (int)response.StatusCode, 0, null, "The answer is not JSON."))
                    : (json, null);
            }

            var error = ParseError((int)response.StatusCode, json);
            Log.CloudApiRefused(_logger, credentials.PhoneNumberId, error.HttpStatus, error.Code, error.Subcode ?? 0);
            return (null, error);
        }
        catch (HttpRequestException e)
        {
            Log.CloudApiNoAnswer(_logger, credentials.PhoneNumberId, WhatsAppErrorSource.Network, e.HttpRequestError);
            return (null, new WhatsAppApiError(WhatsAppErrorSource.Network, 0, 0, null, e.HttpRequestError.ToString()));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Log.CloudApiNoAnswer(_logger, credentials.PhoneNumberId, WhatsAppErrorSource.Timeout, HttpRequestError.Unknown);
            return (null, new WhatsAppApiError(WhatsAppErrorSource.Timeout, 0, 0, null, "No answer in time."));
        }
    }

    private static WhatsAppApiError ParseError(int status, JsonNode? json)
    {
        if (json?["error"] is not JsonObject error)
        {
            return new WhatsAppApiError(WhatsAppErrorSource.Protocol, status, 0, null, $"HTTP {status} without an error object.");
        }

        return new WhatsAppApiError(
            WhatsAppErrorSource.Api,
            status,
            Int(error["code"]) ?? 0,
            Int(error["error_subcode"]),
            error["message"]?.GetValue<string>() ?? "");
    }

    private static int? Int(JsonNode? node) => node is JsonValue v && v.TryGetValue<int>(out var i) ? i : null;
}
