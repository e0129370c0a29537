using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Herald.Platforms.TelegramUser.Td;

/// <summary>
/// One TDLib client (one account's session) through TDLib's JSON interface: requests are TDLib objects
/// (<c>{"@type":"getMe"}</c>), answers are matched to them by <c>@extra</c>, everything else arrives in
/// <see cref="Updates"/> in TDLib's order. int64 values travel as JSON strings, as TDLib writes them.
/// The production implementation is libtdjson (<see cref="TdJsonClient"/>); tests and demos use the
/// simulated TDLib over loopback (<see cref="SimulatedTdClient"/>).
/// </summary>
public interface ITdClient : IAsyncDisposable
{
    /// <summary>Sends <paramref name="request"/> and returns TDLib's answer: the result object, or an <c>error</c> object.</summary>
    /// <exception cref="TdClientClosedException">The client closed before it answered.</exception>
    Task<JsonObject> SendAsync(JsonObject request, CancellationToken cancellationToken = default);

    /// <summary>Updates (<c>update…</c> objects), in the order TDLib sent them; completes when the client has closed.</summary>
    ChannelReader<JsonObject> Updates { get; }
}
