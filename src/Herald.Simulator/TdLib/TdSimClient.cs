using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Herald.Simulator.TdLib;

/// <summary>One simulated TDLib client: its authorization state, its account once logged in, and what it has to receive.</summary>
internal sealed class TdSimClient(long id)
{
    public long Id { get; } = id;

    public string AuthorizationState { get; set; } = "authorizationStateWaitTdlibParameters";

    /// <summary>The account being logged in (after the phone number) or logged in.</summary>
    public TdSimAccount? Account { get; set; }

    public string? SessionToken { get; set; }

    public bool Closed { get; set; }

    /// <summary>Receives waiting now (a live client has its receive loop parked here most of the time).</summary>
    public int Receiving;

    /// <summary>When the client last sent or received (its process is gone once this is long ago and nothing waits).</summary>
    public DateTimeOffset LastSeen { get; set; }

    public Channel<JsonObject> Outbox { get; } = Channel.CreateUnbounded<JsonObject>();

    /// <summary>Updates that follow the answer being built (a sent message's outcome).</summary>
    public List<JsonObject> AfterAnswer { get; } = [];

    public void Emit(JsonObject item) => Outbox.Writer.TryWrite(item);

    public void EmitState(string state)
    {
        AuthorizationState = state;
        Emit(new JsonObject { ["@type"] = "updateAuthorizationState", ["authorization_state"] = new JsonObject { ["@type"] = state } });
    }
}
