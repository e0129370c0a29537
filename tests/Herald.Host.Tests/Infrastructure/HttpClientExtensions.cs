using System.Net.Http.Headers;
using Herald.Host.Authentication;

namespace Herald.Host.Tests.Infrastructure;

public static class HttpClientExtensions
{
    /// <summary>Sends GET <paramref name="path"/> with an optional bearer token and API key.</summary>
    public static Task<HttpResponseMessage> GetAsync(this HttpClient client, string path, string? token, string? apiKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (apiKey is not null)
        {
            request.Headers.Add(HeraldAuthenticationDefaults.ApiKeyHeader, apiKey);
        }

        return client.SendAsync(request);
    }
}
