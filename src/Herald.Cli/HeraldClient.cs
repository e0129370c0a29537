using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Herald.Cli;

/// <summary>Herald's JSON API with a token (Authorization: Bearer) or an API key (X-Api-Key: hk_…).</summary>
public sealed class HeraldClient : IDisposable
{
    private readonly HttpClient _http;

    public HeraldClient(string url, string credential)
    {
        _http = new HttpClient { BaseAddress = new Uri(url.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(60) };
        if (credential.StartsWith("hk_", StringComparison.Ordinal))
        {
            _http.DefaultRequestHeaders.Add("X-Api-Key", credential);
        }
        else
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        }
    }

    /// <summary>GET as JSON.</summary>
    public Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken = default) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);

    /// <summary>POST with an optional JSON body.</summary>
    public Task<JsonElement> PostAsync(string path, object? body = null, CancellationToken cancellationToken = default) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) }, cancellationToken);

    /// <summary>Uploads a file as multipart form data (field <c>file</c>).</summary>
    public async Task<JsonElement> UploadAsync(string path, FileInfo file, CancellationToken cancellationToken = default)
    {
        var stream = file.OpenRead();
        var content = new StreamContent(stream);
        content.Headers.ContentType = new MediaTypeHeaderValue(file.Extension.ToLowerInvariant() switch
        {
            ".csv" => "text/csv",
            ".json" => "application/json",
            ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            _ => "application/octet-stream",
        });
        using var form = new MultipartFormDataContent { { content, "file", file.Name } };
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = form }, cancellationToken);
    }

    /// <summary>GET as text (a CSV report).</summary>
    public async Task<string> GetTextAsync(string path, CancellationToken cancellationToken = default)
    {
        using var response = await _http.GetAsync(path, cancellationToken);
        await EnsureAsync(response, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    private async Task<JsonElement> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        using (var response = await _http.SendAsync(request, cancellationToken))
        {
            await EnsureAsync(response, cancellationToken);
            return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        }
    }

    private static async Task EnsureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new ApiException((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
    }
}

/// <summary>An API answer other than 2xx (its problem details as they came).</summary>
public sealed class ApiException(int status, string body) : Exception($"HTTP {status}: {body}")
{
    public int Status { get; } = status;
}
