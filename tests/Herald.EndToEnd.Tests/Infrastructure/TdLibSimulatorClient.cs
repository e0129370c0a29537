using System.Net.Http.Json;
using System.Text.Json;

namespace Herald.EndToEnd.Tests.Infrastructure;

/// <summary>The simulated TDLib's control and inspection API (<c>/_sim/tdlib</c>) over HTTP: what Telegram saw the user accounts do.</summary>
public sealed class TdLibSimulatorClient(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Replaces the world (people, accounts, chats, faults) and forgets every effect and client.</summary>
    public async Task LoadScenarioAsync(object scenario)
    {
        using var response = await _http.PostAsJsonAsync("/_sim/tdlib/scenario", scenario);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The chat's members now.</summary>
    public async Task<List<long>> GetMembersAsync(long chatId) =>
        await _http.GetFromJsonAsync<List<long>>($"/_sim/tdlib/chats/{chatId}/members") ?? [];

    /// <summary>Every person added to a chat: by which account, whom.</summary>
    public async Task<List<(long Account, long UserId)>> GetInvitesAsync() =>
        [.. (await _http.GetFromJsonAsync<JsonElement>("/_sim/tdlib/invites")).EnumerateArray()
            .Select(i => (i.GetProperty("accountUserId").GetInt64(), i.GetProperty("userId").GetInt64()))];

    /// <summary>Every personal message that reached a person: from which account, to whom.</summary>
    public async Task<List<(long Account, long UserId)>> GetMessagesAsync() =>
        [.. (await _http.GetFromJsonAsync<JsonElement>("/_sim/tdlib/messages")).EnumerateArray()
            .Select(m => (m.GetProperty("accountUserId").GetInt64(), m.GetProperty("userId").GetInt64()))];

    /// <summary>Every paced request of every account, oldest first, with its time and the simulated Telegram's pacing answer.</summary>
    public async Task<List<TdAction>> GetActionsAsync()
    {
        var all = new List<TdAction>();
        while (true)
        {
            var page = await _http.GetFromJsonAsync<JsonElement>($"/_sim/tdlib/actions?offset={all.Count}&limit=5000");
            if (page.GetArrayLength() == 0)
            {
                return all;
            }

            all.AddRange(page.EnumerateArray().Select(a => new TdAction(
                a.GetProperty("accountUserId").GetInt64(),
                a.GetProperty("method").GetString()!,
                a.GetProperty("userId").GetInt64(),
                a.GetProperty("at").GetDateTimeOffset(),
                a.GetProperty("result").GetString()!,
                a.GetProperty("waitUntil").ValueKind == JsonValueKind.Null ? null : a.GetProperty("waitUntil").GetDateTimeOffset())));
        }
    }

    /// <summary>Actions the simulated Telegram refused because the account had been told to wait, or had been limited.</summary>
    public async Task<(int DuringWait, int AfterPeerFlood)> GetViolationsAsync()
    {
        var v = await _http.GetFromJsonAsync<JsonElement>("/_sim/tdlib/violations");
        return (v.GetProperty("actionsDuringWait").GetInt32(), v.GetProperty("actionsAfterPeerFlood").GetInt32());
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>One paced request as the simulated Telegram saw it (<c>accepted</c>, <c>flood_wait</c>, <c>during_wait</c>, <c>peer_flood</c>, <c>after_peer_flood</c>).</summary>
public sealed record TdAction(long Account, string Method, long UserId, DateTimeOffset At, string Result, DateTimeOffset? WaitUntil);
