using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Herald.EndToEnd.Tests.Infrastructure;

/// <summary>Herald's HTTP API as a tenant uses it: bots, a campaign, its status and report.</summary>
public sealed class HeraldApiClient : IDisposable
{
    private readonly HttpClient _http;

    public HeraldApiClient(Uri baseAddress, string token)
    {
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>Registers a Telegram bot by its token (checked with getMe against the simulator); returns its account id.</summary>
    public Task<string> RegisterBotAsync(string botToken) => _http.RegisterBotAsync(botToken);

    /// <summary>
    /// Registers a Telegram user account by its phone (<c>POST /api/accounts/telegram-users</c>, warm-up off, with its own
    /// <paramref name="limits"/> if any) and logs it in with the code the simulated TDLib sends; returns its account id.
    /// </summary>
    public async Task<string> RegisterUserAccountAsync(string phone, string code, object? limits = null)
    {
        var started = await _http.PostJsonAsync("/api/accounts/telegram-users",
            JsonSerializer.Serialize(new { phone, apiId = 4242, apiHash = "e2e-hash", warmUp = false, limits }));
        var body = await started.ReadJsonAsync();
        Assert.True(started.IsSuccessStatusCode, $"register {(int)started.StatusCode}: {body}");
        var id = body.GetProperty("account").Str("accountId");
        var login = await (await _http.PostJsonAsync($"/api/accounts/{id}/login/code", JsonSerializer.Serialize(new { code }))).ReadJsonAsync();
        Assert.True(login.TryGetProperty("login", out var step) && step.Str("state") == "ready", $"login: {login}");
        return id;
    }

    /// <summary>Creates an invite campaign into <paramref name="chat"/> with the fallback message on; returns the campaign id.</summary>
    public async Task<string> CreateInviteCampaignAsync(string name, string chat, string message, IEnumerable<string> usernames)
    {
        var json = JsonSerializer.Serialize(new
        {
            name,
            actions = new[] { "invite" },
            targetChat = chat,
            fallbackToMessage = true,
            message,
            recipients = usernames.Select(u => new { username = u }),
        });
        // A 503 (storage slow on a loaded machine) may come after the campaign was stored, and POST /api/campaigns has no
        // idempotency key: a blind retry would create a second campaign (everyone invited twice). As a careful client:
        // look first (the tenant is this test's own), and only post again when nothing was created.
        for (var attempt = 1; ; attempt++)
        {
            using var response = await _http.PostJsonAsync("/api/campaigns", json);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable && attempt < 5)
            {
                await Task.Delay(TimeSpan.FromSeconds(5));
                var list = await _http.GetFromJsonAsync<JsonElement>("/api/campaigns");
                var existing = list.GetProperty("items").EnumerateArray().Where(c => c.Str("name") == name).Select(c => c.Str("id")).ToList();
                Assert.True(existing.Count <= 1, $"{existing.Count} campaigns named {name} after a 503");
                if (existing.Count == 1)
                {
                    return existing[0];
                }

                continue;
            }

            Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, $"Expected 202, got {(int)response.StatusCode}: {body}");
            return JsonDocument.Parse(body).RootElement.Str("id");
        }
    }

    /// <summary>Creates a bot broadcast to <paramref name="recipients"/>; returns the campaign id.</summary>
    public async Task<string> CreateBroadcastAsync(string name, string message, IEnumerable<(long UserId, string Name)> recipients)
    {
        var json = JsonSerializer.Serialize(new
        {
            name,
            actions = new[] { "botMessage" },
            message,
            recipients = recipients.Select(r => new { userId = r.UserId, name = r.Name }),
        });
        return (await _http.CreateCampaignAsync(json)).Str("id");
    }

    /// <summary>The campaign's live status (<c>status</c>, <c>counts</c>, <c>reasons</c>, …).</summary>
    public Task<JsonElement> GetCampaignAsync(string id) => _http.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}");

    /// <summary>Polls the status every second until <paramref name="until"/> holds; fails with the last status when it does not in time.</summary>
    public Task<JsonElement> WaitForCampaignAsync(string id, Func<JsonElement, bool> until, TimeSpan timeout) =>
        _http.WaitForCampaignAsync(id, until, timeout, poll: TimeSpan.FromSeconds(1));

    /// <summary>The report's rows (failed, unknown, skipped recipients, with their reason).</summary>
    public async Task<List<JsonElement>> GetReportRowsAsync(string id)
    {
        var report = await _http.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/report");
        return [.. report.GetProperty("rows").EnumerateArray()];
    }

    public void Dispose() => _http.Dispose();
}
