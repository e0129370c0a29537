using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Herald.Simulator.TdLib;

/// <summary>
/// The simulated TDLib's state: the scenario, every client, and every effect (who is in which group, which messages
/// reached whom, how often each person was added or messaged, actions taken while an account had to wait).
/// All methods are thread-safe (one lock: the simulator is for tests, not throughput).
/// </summary>
public sealed partial class TdWorld
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<long, TdSimClient> _clients = new();
    private readonly Dictionary<string, long> _sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _openSessions = new(StringComparer.Ordinal);
    private readonly Dictionary<long, HashSet<long>> _members = [];
    private readonly Dictionary<long, HashSet<long>> _contacts = [];
    private readonly Dictionary<long, AccountPace> _pace = [];
    private readonly Dictionary<(long Chat, long User), int> _adds = [];
    private readonly Dictionary<(long Account, string Method), int> _calls = [];
    private readonly Dictionary<long, int> _sessionOpens = [];
    private readonly List<TdSimMessage> _messages = [];
    private readonly List<TdSimInvite> _invites = [];
    private readonly List<TdSimAction> _actions = [];
    private Dictionary<long, TdSimUser> _usersById = [];
    private readonly List<(long Client, JsonObject Proxy)> _proxies = [];
    private static readonly TimeSpan DeadAfter = TimeSpan.FromSeconds(5);
    private TdScenario _scenario = new();
    private long _nextClient;
    private long _nextMessage = 1000;

    /// <summary>Creates a world with <paramref name="scenario"/> on <paramref name="timeProvider"/>'s clock.</summary>
    public TdWorld(TdScenario? scenario = null, TimeProvider? timeProvider = null)
    {
        _time = timeProvider ?? TimeProvider.System;
        Load(scenario ?? new TdScenario());
    }

    /// <summary>Actions an account attempted while it had been told to wait (must stay 0).</summary>
    public int ActionsDuringWait { get; private set; }

    /// <summary>Actions an account attempted after <c>PEER_FLOOD</c> (must stay 0).</summary>
    public int ActionsAfterPeerFlood { get; private set; }

    /// <summary>Replaces the scenario and forgets every effect and client.</summary>
    public void Load(TdScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        lock (_gate)
        {
            _scenario = scenario;
            _members.Clear();
            _contacts.Clear();
            _pace.Clear();
            _adds.Clear();
            _calls.Clear();
            _sessionOpens.Clear();
            _messages.Clear();
            _invites.Clear();
            _actions.Clear();
            // Looked up on every action: an index, so scenarios of 100,000 people stay quick (the first of an id wins, as before).
            _usersById = scenario.Users.GroupBy(u => u.Id).ToDictionary(g => g.Key, g => g.First());
            _proxies.Clear();
            _sessions.Clear();
            _openSessions.Clear();
            ActionsDuringWait = 0;
            ActionsAfterPeerFlood = 0;
            foreach (var chat in scenario.Chats)
            {
                _members[chat.Id] = [.. chat.Members];
            }
        }
    }

    /// <summary>The chat's members now.</summary>
    public IReadOnlyCollection<long> MembersOf(long chatId)
    {
        lock (_gate)
        {
            return _members.TryGetValue(chatId, out var m) ? [.. m] : [];
        }
    }

    /// <summary>Messages that reached people, oldest first.</summary>
    public IReadOnlyList<TdSimMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>Every person added to a chat, by whom and when (the simulator's clock), oldest first.</summary>
    public IReadOnlyList<TdSimInvite> Invites
    {
        get
        {
            lock (_gate)
            {
                return [.. _invites];
            }
        }
    }

    /// <summary>Paced requests of every account (<see cref="TdSimAction"/>), oldest first, from <paramref name="offset"/>, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<TdSimAction> Actions(int offset = 0, int limit = int.MaxValue)
    {
        lock (_gate)
        {
            return [.. _actions.Skip(offset).Take(limit)];
        }
    }

    /// <summary>How often <paramref name="userId"/> was added to <paramref name="chatId"/> (1 at most when nothing happened twice).</summary>
    public int AddsOf(long chatId, long userId)
    {
        lock (_gate)
        {
            return _adds.GetValueOrDefault((chatId, userId));
        }
    }

    /// <summary>
    /// How many <paramref name="method"/> requests (<c>addChatMembers</c>, <c>getChatMember</c>…) clients logged in as
    /// <paramref name="accountUserId"/> sent, answered or refused (an attempt counts even when it failed).
    /// </summary>
    public int CallsOf(long accountUserId, string method)
    {
        lock (_gate)
        {
            return _calls.GetValueOrDefault((accountUserId, method));
        }
    }

    /// <summary>
    /// How often a client opened a stored session of <paramref name="accountUserId"/> (<c>setTdlibParameters</c> on a
    /// database directory that holds its login), whether or not that drew the two-instances logout.
    /// </summary>
    public int SessionOpensOf(long accountUserId)
    {
        lock (_gate)
        {
            return _sessionOpens.GetValueOrDefault(accountUserId);
        }
    }

    /// <summary>Makes an account an administrator of the chat, or changes its invite right (its user fixed its rights).</summary>
    public void SetAdmin(long chatId, long accountUserId, bool canInviteUsers = true)
    {
        lock (_gate)
        {
            var chat = _scenario.Chats.First(c => c.Id == chatId);
            chat.Admins = [.. chat.Admins.Where(a => a.UserId != accountUserId), new TdSimAdmin { UserId = accountUserId, CanInviteUsers = canInviteUsers }];
        }
    }

    /// <summary>The account's contacts.</summary>
    public IReadOnlyCollection<long> ContactsOf(long accountUserId)
    {
        lock (_gate)
        {
            return _contacts.TryGetValue(accountUserId, out var c) ? [.. c] : [];
        }
    }

    /// <summary>Proxies added (<c>addProxy</c>) by clients logged in as <paramref name="accountUserId"/>.</summary>
    public IReadOnlyList<JsonObject> ProxiesOf(long accountUserId)
    {
        lock (_gate)
        {
            return [.. _proxies.Where(p => _clients.TryGetValue(p.Client, out var c) && c.Account?.UserId == accountUserId).Select(p => (JsonObject)p.Proxy.DeepClone())];
        }
    }

    /// <summary>Whether the account got <c>PEER_FLOOD</c>.</summary>
    public bool IsPeerFlooded(long accountUserId)
    {
        lock (_gate)
        {
            return _pace.TryGetValue(accountUserId, out var p) && p.PeerFlooded;
        }
    }

    /// <summary>A new client, as <c>td_create_client_id</c>: it waits for <c>setTdlibParameters</c>.</summary>
    internal TdSimClient CreateClient()
    {
        var client = new TdSimClient(Interlocked.Increment(ref _nextClient)) { LastSeen = _time.GetUtcNow() };
        _clients[client.Id] = client;
        client.EmitState(client.AuthorizationState);
        return client;
    }

    internal TdSimClient? FindClient(long id) => _clients.GetValueOrDefault(id);

    /// <summary>The client's process is there (it sent or received just now).</summary>
    internal void Seen(TdSimClient client) => client.LastSeen = _time.GetUtcNow();

    // A client whose process was killed neither closes nor receives again: Telegram drops its connection, and its
    // session may be opened elsewhere (AUTH_KEY_DUPLICATED is two live connections on one key).
    private bool IsAlive(long clientId) =>
        FindClient(clientId) is { Closed: false } c && (Volatile.Read(ref c.Receiving) > 0 || _time.GetUtcNow() - c.LastSeen < DeadAfter);

    /// <summary>Forgets a closed client once everything it had to receive was received.</summary>
    internal void Forget(long id) => _clients.TryRemove(id, out _);

    /// <summary>Handles one request (<c>td_send</c>): its answer (with the request's <c>@extra</c>) and any updates go to the outbox.</summary>
    internal void Send(TdSimClient client, JsonObject request)
    {
        Seen(client);
        var extra = request["@extra"]?.DeepClone();
        JsonObject answer;
        lock (_gate)
        {
            answer = client.Closed ? Error(500, "Request aborted") : Handle(client, request);
        }

        if (extra is not null)
        {
            answer["@extra"] = extra;
        }

        client.Emit(answer);
        foreach (var update in client.AfterAnswer)
        {
            client.Emit(update);
        }

        client.AfterAnswer.Clear();
        if (client.AuthorizationState == "authorizationStateClosed")
        {
            client.Outbox.Writer.TryComplete();
        }
    }

    private JsonObject Handle(TdSimClient client, JsonObject request)
    {
        var method = Type(request);
        return method switch
        {
            "setTdlibParameters" or "setAuthenticationPhoneNumber" or "checkAuthenticationCode" or "checkAuthenticationPassword"
                or "getAuthorizationState" or "close" or "logOut" => HandleAuth(client, method, request),
            "getOption" => new JsonObject { ["@type"] = "optionValueString", ["value"] = "1.8.65" },
            _ when client.AuthorizationState != "authorizationStateReady" => Error(401, "Unauthorized"),
            _ => Count(client, method) ?? AccountProblem(client) ?? Fault(client, method) ?? HandleAction(client, method, request),
        };
    }

    // Records the attempt and answers nothing of its own (null): the request goes on to be handled.
    private JsonObject? Count(TdSimClient client, string method)
    {
        if (client.Account is { } account)
        {
            _calls[(account.UserId, method)] = _calls.GetValueOrDefault((account.UserId, method)) + 1;
        }

        return null;
    }

    private JsonObject? Fault(TdSimClient client, string method)
    {
        var fault = _scenario.Faults.FirstOrDefault(f => f.Times > 0 && f.Method == method && (f.AccountUserId is null || f.AccountUserId == client.Account?.UserId));
        if (fault is null)
        {
            return null;
        }

        fault.Times--;
        return Error(fault.Code, fault.Message);
    }

    private TdSimUser? User(long id) =>
        _usersById.GetValueOrDefault(id)
        ?? _scenario.Accounts.Where(a => a.UserId == id).Select(AsUser).FirstOrDefault();

    private static TdSimUser AsUser(TdSimAccount a) => new() { Id = a.UserId, Username = a.Username, Phone = a.Phone, FirstName = "Account" };

    private static string Type(JsonNode? node) => node?["@type"]?.GetValue<string>() ?? "";

    private static long? Long(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when v.TryGetValue<string>(out var s) && long.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var p) => p,
        _ => null,
    };

    internal static JsonObject Error(int code, string message) => new() { ["@type"] = "error", ["code"] = code, ["message"] = message };

    private static JsonObject Ok() => new() { ["@type"] = "ok" };

    private sealed class AccountPace
    {
        public Queue<DateTimeOffset> Recent { get; } = new();

        public DateTimeOffset WaitUntil { get; set; }

        public DateOnly Day { get; set; }

        public int ColdToday { get; set; }

        public bool PeerFlooded { get; set; }
    }
}
