using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace Herald.Platforms.TelegramUser.Td;

/// <summary>
/// The process's one <c>td_receive</c> loop: TDLib allows a single receiving thread for all clients, so this
/// thread reads every answer and update and hands it to its client's <see cref="TdDispatcher"/> by <c>@client_id</c>
/// (each client then sees its objects in TDLib's order).
/// </summary>
internal static class TdJsonReceiver
{
    private static readonly ConcurrentDictionary<int, TdDispatcher> Clients = new();
    private static readonly Lock Gate = new();
    private static Thread? _thread;

    public static void Register(int clientId, TdDispatcher dispatcher)
    {
        Clients[clientId] = dispatcher;
        lock (Gate)
        {
            if (_thread is null)
            {
                _thread = new Thread(Loop) { IsBackground = true, Name = "td_receive" };
                _thread.Start();
            }
        }
    }

    private static void Loop()
    {
        while (true)
        {
            var answer = TdJsonNative.Receive(1.0);
            if (answer == 0)
            {
                continue;
            }

            var received = JsonNode.Parse(Marshal.PtrToStringUTF8(answer)!)!.AsObject();
            if (TdJson.Long(received["@client_id"]) is not { } id || !Clients.TryGetValue((int)id, out var dispatcher))
            {
                continue;
            }

            received.Remove("@client_id");
            dispatcher.Dispatch(received);
            if (TdJson.TypeOf(received) == "updateAuthorizationState" && TdJson.TypeOf(received["authorization_state"]) == "authorizationStateClosed")
            {
                Clients.TryRemove((int)id, out _);
                dispatcher.Close();
            }
        }
    }
}
