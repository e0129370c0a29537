using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Herald.Testing.Api;

/// <summary>
/// Calls of Herald's resource API that many tests make (the host's API tests and the end-to-end stack), with the
/// assertions that go with them.
/// </summary>
public static class ApiCalls
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string json, string? idempotencyKey = null) =>
        client.SendJsonAsync(HttpMethod.Post, path, json, idempotencyKey);

    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string path, string? json, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    /// <summary>Registers a bot against the simulator and returns its account id.</summary>
    public static async Task<string> RegisterBotAsync(this HttpClient client, string token)
    {
        var response = await client.PostJsonAsync("/api/accounts/telegram-bots", $$"""{"token":"{{token}}"}""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("account").GetProperty("accountId").GetString()!;
    }

    /// <summary>Uploads a CSV list of <paramref name="count"/> recipients (user ids from <paramref name="firstUserId"/>) and returns the import id.</summary>
    public static async Task<string> UploadUserIdsAsync(this HttpClient client, int count, long firstUserId = 500_000)
    {
        var csv = new StringBuilder("name;user_id\n", count * 24);
        for (var i = 0; i < count; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"User {i};{firstUserId + i}\n");
        }

        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString()));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        var response = await client.PostAsync("/api/imports", new MultipartFormDataContent { { file, "file", "list.csv" } });
        var import = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)response.StatusCode}: {import}");
        Assert.Equal(count, import.GetProperty("recipients").GetInt32());
        return import.GetProperty("id").GetString()!;
    }

    /// <summary>Creates a campaign, asserts 202 with its Location, and returns the body.</summary>
    public static async Task<JsonElement> CreateCampaignAsync(this HttpClient client, string json)
    {
        var response = await client.PostJsonAsync("/api/campaigns", json);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Expected 202, got {(int)response.StatusCode}: {body}");
        var created = JsonDocument.Parse(body).RootElement;
        Assert.Equal($"/api/campaigns/{created.GetProperty("id").GetString()}", response.Headers.Location?.OriginalString);
        return created;
    }

    /// <summary>Polls <c>GET /api/campaigns/{id}</c> every <paramref name="poll"/> (200 ms) until <paramref name="until"/> holds.</summary>
    public static async Task<JsonElement> WaitForCampaignAsync(this HttpClient client, string id, Func<JsonElement, bool> until, TimeSpan? timeout = null, TimeSpan? poll = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(45));
        JsonElement last = default;
        while (!deadline.IsCancellationRequested)
        {
            last = await (await client.GetAsync($"/api/campaigns/{id}")).ReadJsonAsync();
            if (until(last))
            {
                return last;
            }

            await Task.Delay(poll ?? TimeSpan.FromMilliseconds(200));
        }

        throw new TimeoutException($"Campaign {id} did not reach the expected state in {timeout ?? TimeSpan.FromSeconds(45)}; last: {last}");
    }

    /// <summary>Asserts a problem answer with <paramref name="status"/>; with <paramref name="field"/>, that its errors name it (and <paramref name="messagePart"/>).</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string? field = null, string? messagePart = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        if (field is not null)
        {
            var messages = problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var found) ? found : default;
            Assert.True(messages.ValueKind == JsonValueKind.Array, $"No error for '{field}' in {text}");
            if (messagePart is not null)
            {
                Assert.Contains(messages.EnumerateArray(), m => m.GetString()!.Contains(messagePart, StringComparison.Ordinal));
            }
        }

        return problem;
    }

    /// <summary>The body as a JSON document (problem details, answers).</summary>
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>A string property of an answer.</summary>
    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;
}
