using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Herald.Platforms.TelegramUser.Td;

/// <summary>
/// A client of the simulated TDLib (Herald.Simulator, <c>/tdlib/clients</c> over loopback HTTP): the same JSON objects
/// as libtdjson, sent with <c>POST …/send</c> and received by one long-polling receive loop per client. A session is
/// its <c>database_directory</c> here too: the simulator's session token is kept in <c>sim.session</c> there
/// (written when TDLib would write its binlog), so moving the directory moves the login.
/// </summary>
public sealed class SimulatedTdClient : ITdClient
{
    /// <summary>The file in the database directory that holds the simulated session.</summary>
    public const string SessionFileName = "sim.session";

    /// <summary>The option the simulator announces a session with (<c>updateOption</c>).</summary>
    public const string SessionOption = "x_sim_session";

    private readonly HttpClient _http;
    private readonly string _path;
    private readonly TdDispatcher _dispatcher = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiveLoop;
    private string? _databaseDirectory;

    private SimulatedTdClient(HttpClient http, long id)
    {
        _http = http;
        _path = "tdlib/clients/" + id.ToString(CultureInfo.InvariantCulture);
        _receiveLoop = Task.Run(ReceiveLoopAsync);
    }

    /// <inheritdoc />
    public ChannelReader<JsonObject> Updates => _dispatcher.Updates;

    /// <summary>Creates a client on the simulator behind <paramref name="http"/> (its base address the simulator's).</summary>
    public static async Task<SimulatedTdClient> CreateAsync(HttpClient http, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var response = await http.PostAsync("tdlib/clients", null, cancellationToken);
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        return new SimulatedTdClient(http, TdJson.Long(created?["client_id"]) ?? throw new InvalidOperationException("The simulator answered no client id."));
    }

    /// <inheritdoc />
    public async Task<JsonObject> SendAsync(JsonObject request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (TdJson.TypeOf(request) == "setTdlibParameters")
        {
            request = WithSession(request);
        }

        var (json, answer) = _dispatcher.Register(request, cancellationToken);
        try
        {
            using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
            using var response = await _http.PostAsync(_path + "/send", content, cancellationToken);
            response.EnsureSuccessStatusCode();
        }
        catch (HttpRequestException e)
        {
            _dispatcher.Abandon(JsonNode.Parse(json)!.AsObject());
            throw new TdClientClosedException("The simulated TDLib did not take the request.", e);
        }

        return await answer;
    }

    /// <summary>Closes the client and waits for <c>authorizationStateClosed</c> (or the simulator going away).</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            using var content = new StringContent("""{"@type":"close"}""", System.Text.Encoding.UTF8, "application/json");
            using var response = await _http.PostAsync(_path + "/send", content, timeout.Token);
            await _dispatcher.Updates.Completion.WaitAsync(timeout.Token);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            _dispatcher.Close(e);
        }

        await _stop.CancelAsync();
        await _receiveLoop;
        _stop.Dispose();
    }

    private JsonObject WithSession(JsonObject request)
    {
        _databaseDirectory = request["database_directory"]?.GetValue<string>();
        var file = _databaseDirectory is { Length: > 0 } dir ? Path.Combine(dir, SessionFileName) : null;
        if (file is null || !File.Exists(file))
        {
            return request;
        }

        var copy = (JsonObject)request.DeepClone();
        copy[SessionOption] = File.ReadAllText(file).Trim();
        return copy;
    }

    private async Task ReceiveLoopAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                using var response = await _http.GetAsync(_path + "/receive?timeout=5", _stop.Token);
                if (!response.IsSuccessStatusCode)
                {
                    _dispatcher.Close();
                    return;
                }

                var batch = await response.Content.ReadFromJsonAsync<JsonArray>(_stop.Token) ?? [];
                foreach (var item in batch)
                {
                    Received(item!.AsObject());
                }
            }
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or System.Text.Json.JsonException)
        {
            _dispatcher.Close(e);
        }
    }

    private void Received(JsonObject received)
    {
        if (TdJson.TypeOf(received) == "updateOption" && received["name"]?.GetValue<string>() == SessionOption
            && _databaseDirectory is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, SessionFileName), received["value"]?["value"]?.GetValue<string>() ?? "");
            return;
        }

        _dispatcher.Dispatch(received);
        if (TdJson.TypeOf(received) == "updateAuthorizationState" && TdJson.TypeOf(received["authorization_state"]) == "authorizationStateClosed")
        {
            _dispatcher.Close();
        }
    }
}
