using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace Herald.Simulator.Tests;

/// <summary>An in-process simulator on a free loopback port with a manual clock, and raw Bot API calls to it.</summary>
internal sealed class SimulatorSession : IAsyncDisposable
{
    public const string Token = "123456:AAH-test_token_value";
    public const long BotId = 123456;

    private SimulatorSession(RunningSimulator simulator, FakeTimeProvider clock)
    {
        Simulator = simulator;
        Clock = clock;
        Http = new HttpClient { BaseAddress = simulator.BaseUri };
    }

    public RunningSimulator Simulator { get; }

    public SimulatorState State => Simulator.State;

    public FakeTimeProvider Clock { get; }

    public HttpClient Http { get; }

    public static async Task<SimulatorSession> StartAsync(SimulatorOptions? options = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var simulator = await SimulatorHost.StartAsync(options, timeProvider: clock);
        return new SimulatorSession(simulator, clock);
    }

    /// <summary>Calls a Bot API method with a JSON body; returns the status and the parsed answer.</summary>
    public async Task<(int Status, JsonElement Body)> CallAsync(string method, object? parameters = null, string token = Token)
    {
        using var response = await Http.PostAsJsonAsync($"./bot{token}/{method}", parameters ?? new { });
        return ((int)response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <summary>Calls a Bot API method and returns the raw answer text.</summary>
    public async Task<(int Status, string Body)> CallRawAsync(string method, object parameters, string token = Token)
    {
        using var response = await Http.PostAsJsonAsync($"./bot{token}/{method}", parameters);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public Task<(int Status, JsonElement Body)> SendAsync(long chatId, string text, string token = Token) =>
        CallAsync("sendMessage", new { chat_id = chatId, text }, token);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Simulator.DisposeAsync();
    }
}
