using System.Net.Http.Json;
using System.Text.Json;

namespace Herald.EndToEnd.Tests.Infrastructure;

/// <summary>The simulator's inspection and control API (<c>/_sim</c>) over HTTP: what Telegram would have received.</summary>
public sealed class SimulatorClient(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Forgets deliveries, limits and counters, and restores the starting scenario.</summary>
    public async Task ResetAsync()
    {
        using var response = await _http.PostAsync("/_sim/reset?options=true", null);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Replaces the scenario's top-level properties named in <paramref name="patch"/> (e.g. <c>{ BlockedUsers = … }</c>).</summary>
    public async Task ConfigureAsync(object patch)
    {
        using var response = await _http.PostAsJsonAsync("/_sim/config", patch);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The totals across all bots (<c>delivered</c>, <c>rateLimited</c>, <c>duplicates</c>, <c>multiMessageChats</c>, …).</summary>
    public async Task<JsonElement> GetTotalsAsync() =>
        (await _http.GetFromJsonAsync<JsonElement>("/_sim/stats")).GetProperty("totals");

    /// <summary>Every delivery in order: the receiving chat and the sending bot.</summary>
    public async Task<List<(long ChatId, long BotId)>> GetDeliveriesAsync()
    {
        var all = new List<(long, long)>();
        while (true)
        {
            var page = await _http.GetFromJsonAsync<JsonElement>($"/_sim/deliveries?offset={all.Count}&limit=1000");
            var items = page.GetProperty("items");
            if (items.GetArrayLength() == 0)
            {
                return all;
            }

            all.AddRange(items.EnumerateArray().Select(d => (d.GetProperty("chatId").GetInt64(), d.GetProperty("botId").GetInt64())));
        }
    }

    public void Dispose() => _http.Dispose();
}
