using Herald.Core.Domain;
using Herald.Core.Limits;

namespace Herald.Testing.Simulation;

/// <summary>One account in a simulated run, with its scripted fate.</summary>
/// <param name="Id">The account id (also seeds its jitter).</param>
public sealed record SimAccountSpec(string Id)
{
    /// <summary>The platform.</summary>
    public PlatformKind Platform { get; init; } = PlatformKind.Telegram;

    /// <summary>Bot or user.</summary>
    public AccountKind Kind { get; init; } = AccountKind.User;

    /// <summary>When it is added, after the scenario's start (an account added mid-run).</summary>
    public TimeSpan JoinAfter { get; init; }

    /// <summary>A new account: its warm-up starts when it joins.</summary>
    public bool Warmup { get; init; }

    /// <summary>Per-account limits.</summary>
    public LimitOverrides? Overrides { get; init; }

    /// <summary>The platform blocks it (PEER_FLOOD) on this attempt (1-based).</summary>
    public int? BlockAtAttempt { get; init; }

    /// <summary>The platform answers FloodWait on this attempt (1-based).</summary>
    public int? FloodWaitAtAttempt { get; init; }

    /// <summary>The retry-after of the scripted FloodWait.</summary>
    public TimeSpan FloodWaitFor { get; init; } = TimeSpan.FromMinutes(30);
}

/// <summary>One campaign in a simulated run.</summary>
/// <param name="Id">The campaign id.</param>
/// <param name="Actions">The actions run on each recipient, in order.</param>
/// <param name="Recipients">The list size.</param>
public sealed record SimCampaignSpec(string Id, IReadOnlyList<ActionKind> Actions, int Recipients)
{
    /// <summary>Priority (higher first).</summary>
    public int Priority { get; init; }

    /// <summary>Start and window.</summary>
    public CampaignSchedule Schedule { get; init; } = CampaignSchedule.Always;

    /// <summary>Fall back to a personal message on a privacy-refused invite.</summary>
    public bool FallbackToMessage { get; init; }

    /// <summary>The message holds a link.</summary>
    public bool MessageHasLinks { get; init; }

    /// <summary>Bot messages go to group chats (one chat per recipient group of ten).</summary>
    public bool ToGroups { get; init; }

    /// <summary>The accounts it may use; null for all.</summary>
    public IReadOnlyList<string>? AccountIds { get; init; }
}

/// <summary>How the fake platform answers, besides each account's scripted fate. All draws are seeded.</summary>
public sealed record SimPlatformScript
{
    /// <summary>Share of recipients whose privacy refuses invites.</summary>
    public double PrivacyRestrictedShare { get; init; }

    /// <summary>Share of recipients that are deleted.</summary>
    public double RecipientGoneShare { get; init; }

    /// <summary>Chance that an attempt gets a FloodWait.</summary>
    public double FloodWaitShare { get; init; }

    /// <summary>Chance that an attempt fails transiently.</summary>
    public double TransientShare { get; init; }

    /// <summary>Shortest random FloodWait.</summary>
    public TimeSpan FloodWaitMin { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest random FloodWait.</summary>
    public TimeSpan FloodWaitMax { get; init; } = TimeSpan.FromMinutes(15);
}

/// <summary>A whole simulated run: accounts, campaigns, the platform's behaviour, the clock.</summary>
public sealed record SimulationScenario
{
    /// <summary>When the run starts.</summary>
    public DateTimeOffset Start { get; init; } = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How long it runs at most (it also ends when every campaign is finished).</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromDays(1);

    /// <summary>The accounts.</summary>
    public required IReadOnlyList<SimAccountSpec> Accounts { get; init; }

    /// <summary>The campaigns.</summary>
    public required IReadOnlyList<SimCampaignSpec> Campaigns { get; init; }

    /// <summary>The fake platform's script.</summary>
    public SimPlatformScript Platform { get; init; } = new();

    /// <summary>Seeds every draw.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>How long a user account's action takes (uniform between the two).</summary>
    public (TimeSpan Min, TimeSpan Max) UserLatency { get; init; } = (TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(3));

    /// <summary>How long a bot's action takes.</summary>
    public (TimeSpan Min, TimeSpan Max) BotLatency { get; init; } = (TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(40));

    /// <summary>Evaluate every campaign's readiness (running / waiting until) this often; null for never.</summary>
    public TimeSpan? ProbeInterval { get; init; }

    /// <summary>Keep every action in <see cref="SimulationResult.Log"/>.</summary>
    public bool KeepLog { get; init; }

    /// <summary>Count how often an allowed campaign is passed over (costs a decision per candidate).</summary>
    public bool TrackStarvation { get; init; }
}
