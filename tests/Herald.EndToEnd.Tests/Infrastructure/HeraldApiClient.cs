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
