using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Herald.Platforms.TelegramUser.Td;

/// <summary>A TDLib client in this process through libtdjson (<c>td_create_client_id</c>, <c>td_send</c>, <c>td_receive</c>).</summary>
public sealed class TdJsonClient : ITdClient
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(10);
    private readonly TdDispatcher _dispatcher = new();
    private readonly int _id;

    /// <summary>Creates a client; loads the library first (<see cref="TdJsonLibrary.Load"/>) with <paramref name="libraryPath"/>.</summary>
    /// <exception cref="TdJsonNotFoundException">The library is missing.</exception>
    public TdJsonClient(string? libraryPath = null)
    {
        TdJsonLibrary.Load(libraryPath);
        _id = TdJsonNative.CreateClientId();
        TdJsonReceiver.Register(_id, _dispatcher);

        // TDLib starts a client on its first request; any request will do (its answer is an update stream).
        _ = SendAsync(new JsonObject { ["@type"] = "getOption", ["name"] = "version" });
    }

    /// <inheritdoc />
    public ChannelReader<JsonObject> Updates => _dispatcher.Updates;

    /// <inheritdoc />
    public Task<JsonObject> SendAsync(JsonObject request, CancellationToken cancellationToken = default)
    {
        var (json, answer) = _dispatcher.Register(request, cancellationToken);
        TdJsonNative.Send(_id, json);
        return answer;
    }

    /// <summary>Closes the client (<c>close</c>) and waits for <c>authorizationStateClosed</c>: only then is its database directory free.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            TdJsonNative.Send(_id, """{"@type":"close"}""");
            using var timeout = new CancellationTokenSource(CloseTimeout);
            await _dispatcher.Updates.Completion.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _dispatcher.Close();
        }
    }
}
