namespace Herald.Simulator;

/// <summary>
/// Everything the simulator can be told: which bot tokens it accepts, which recipients are gone, the
/// limits it enforces, and how unreliable it is. Binds from the <c>Simulator</c> configuration section
/// in process mode; changeable at runtime through <see cref="SimulatorState.Configure"/> or
/// <c>POST /_sim/config</c> (a JSON object whose top-level properties replace the current ones).
/// </summary>
/// <remarks>
/// Limits are per bot, as Telegram applies them, and count <c>sendMessage</c> calls only (edits,
/// deletes, member checks and invite links are not messages). The defaults are Telegram's documented
/// figures; every limit is a token bucket except the group limit, which is a sliding window:
/// <list type="bullet">
/// <item>overall: a bucket of <see cref="GlobalBurst"/> (30) tokens refilled at <see cref="GlobalMessagesPerSecond"/> (30/s);</item>
/// <item>per chat: a bucket of <see cref="ChatBurst"/> (3) tokens refilled at <see cref="ChatMessagesPerSecond"/> (1/s) — Telegram's "short bursts are allowed";</item>
/// <item>per group (negative chat id): at most <see cref="GroupMessagesPerMinute"/> (20) deliveries in any 60-second window;</item>
/// <item>paid broadcasts (<c>allow_paid_broadcast: true</c>): such a send skips the overall bucket and takes one from a
/// bucket of <see cref="PaidMessagesPerSecond"/> (1,000) that every message of the bot takes from, and costs
/// <see cref="StarsPerPaidMessage"/> (0.1) Stars of the bot's balance (<see cref="StarsBalance"/>, or one set per bot);
/// when the balance cannot pay for it the send is answered <c>400 Bad Request: BALANCE_TOO_LOW</c> and delivers nothing.</item>
/// </list>
/// A send that would break any of them is answered <c>429 Too Many Requests: retry after N</c> with
/// <c>parameters.retry_after = N</c>, N being the whole seconds (rounded up, at least 1) until every
/// limit would let it through; a refused send consumes nothing.
/// </remarks>
public sealed class SimulatorOptions
{
    /// <summary>The configuration section the process binds (<c>Simulator</c>).</summary>
    public const string SectionName = "Simulator";

    /// <summary>Tokens always accepted (besides any well-formed token when <see cref="AcceptAnyWellFormedToken"/>).</summary>
    public IList<string> BotTokens { get; set; } = [];

    /// <summary>Accept any token shaped <c>123456:ABC-def_1</c> (default true); when false only <see cref="BotTokens"/>.</summary>
    public bool AcceptAnyWellFormedToken { get; set; } = true;

    /// <summary>Tokens answered <c>401 Unauthorized</c>, as Telegram answers a revoked token.</summary>
    public IList<string> RevokedTokens { get; set; } = [];

    /// <summary>Users who blocked the bot: sends answer <c>403 Forbidden: bot was blocked by the user</c>.</summary>
    public IList<long> BlockedUsers { get; set; } = [];

    /// <summary>Deleted accounts: sends answer <c>403 Forbidden: user is deactivated</c>.</summary>
    public IList<long> DeactivatedUsers { get; set; } = [];

    /// <summary>Users who never started the bot: <c>403 Forbidden: bot can't initiate conversation with a user</c>.</summary>
    public IList<long> NeverStartedUsers { get; set; } = [];

    /// <summary>Chats that do not exist for the bot: every call naming them answers <c>400 Bad Request: chat not found</c>.</summary>
    public IList<long> UnknownChats { get; set; } = [];

    /// <summary>
    /// Groups and channels with known members and administrators. A negative chat id not listed here
    /// is a group where the bot is a plain member (it can send, but not create invite links).
    /// </summary>
    public IList<SimulatedGroup> Groups { get; set; } = [];

    /// <summary>Overall rate per bot, messages per second (default 30).</summary>
    public double GlobalMessagesPerSecond { get; set; } = 30;

    /// <summary>Overall burst per bot, messages (default 30).</summary>
    public double GlobalBurst { get; set; } = 30;

    /// <summary>Messages per second per bot with paid broadcasts, overall (default 1000, Telegram's figure); also the bucket's size.</summary>
    public double PaidMessagesPerSecond { get; set; } = 1000;

    /// <summary>Every bot's Stars balance until one is set for it (<see cref="SimulatorState.SetStarsBalance"/>; default 0).</summary>
    public double StarsBalance { get; set; }

    /// <summary>What one paid message costs, in Stars (default 0.1, Telegram's price).</summary>
    public const double StarsPerPaidMessage = 0.1;

    /// <summary>Rate per chat, messages per second (default 1).</summary>
    public double ChatMessagesPerSecond { get; set; } = 1;

    /// <summary>Burst per chat, messages (default 3).</summary>
    public double ChatBurst { get; set; } = 3;

    /// <summary>Deliveries per group in any 60-second window (default 20).</summary>
    public int GroupMessagesPerMinute { get; set; } = 20;

    /// <summary>The longest accepted text, in UTF-16 units (default 4096, as Telegram).</summary>
    public int MaxMessageLength { get; set; } = 4096;

    /// <summary>Share of requests (0–1) answered with <see cref="TransientStatusCode"/> before any work (default 0).</summary>
    public double TransientErrorRate { get; set; }

    /// <summary>The status of a transient failure (default 502, <c>Bad Gateway</c>).</summary>
    public int TransientStatusCode { get; set; } = 502;

    /// <summary>Seed of the random source for transient failures and jitter (default 1).</summary>
    public int RandomSeed { get; set; } = 1;

    /// <summary>Fixed delay before every Bot API answer (default zero). Waited on the simulator's clock.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Up to this much extra random delay before every answer (default zero).</summary>
    public TimeSpan LatencyJitter { get; set; }

    /// <summary>A deep copy, so a running simulator never shares a mutable list with its caller.</summary>
    public SimulatorOptions Clone() => new()
    {
        BotTokens = [.. BotTokens],
        AcceptAnyWellFormedToken = AcceptAnyWellFormedToken,
        RevokedTokens = [.. RevokedTokens],
        BlockedUsers = [.. BlockedUsers],
        DeactivatedUsers = [.. DeactivatedUsers],
        NeverStartedUsers = [.. NeverStartedUsers],
        UnknownChats = [.. UnknownChats],
        Groups = [.. Groups.Select(g => g.Clone())],
        GlobalMessagesPerSecond = GlobalMessagesPerSecond,
        GlobalBurst = GlobalBurst,
        PaidMessagesPerSecond = PaidMessagesPerSecond,
        StarsBalance = StarsBalance,
        ChatMessagesPerSecond = ChatMessagesPerSecond,
        ChatBurst = ChatBurst,
        GroupMessagesPerMinute = GroupMessagesPerMinute,
        MaxMessageLength = MaxMessageLength,
        TransientErrorRate = TransientErrorRate,
        TransientStatusCode = TransientStatusCode,
        RandomSeed = RandomSeed,
        Latency = Latency,
        LatencyJitter = LatencyJitter,
    };

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that makes no sense.</summary>
    public void Validate()
    {
        Require(GlobalMessagesPerSecond > 0, nameof(GlobalMessagesPerSecond), "must be positive");
        Require(GlobalBurst >= 1, nameof(GlobalBurst), "must be at least 1");
        Require(PaidMessagesPerSecond >= 1, nameof(PaidMessagesPerSecond), "must be at least 1");
        Require(StarsBalance >= 0, nameof(StarsBalance), "must not be negative");
        Require(ChatMessagesPerSecond > 0, nameof(ChatMessagesPerSecond), "must be positive");
        Require(ChatBurst >= 1, nameof(ChatBurst), "must be at least 1");
        Require(GroupMessagesPerMinute >= 1, nameof(GroupMessagesPerMinute), "must be at least 1");
        Require(MaxMessageLength >= 1, nameof(MaxMessageLength), "must be at least 1");
        Require(TransientErrorRate is >= 0 and <= 1, nameof(TransientErrorRate), "must be between 0 and 1");
        Require(TransientStatusCode is >= 500 and <= 599, nameof(TransientStatusCode), "must be a 5xx status");
        Require(Latency >= TimeSpan.Zero && LatencyJitter >= TimeSpan.Zero, nameof(Latency), "must not be negative");
        foreach (var group in Groups)
        {
            Require(group.ChatId < 0, nameof(Groups), $"chat id {group.ChatId} is not a group id (groups are negative)");
        }
    }

    private static void Require(bool condition, string name, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"Simulator option {name} {problem}.", name);
        }
    }
}
