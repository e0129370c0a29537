namespace Herald.Core.Pacing;

/// <summary>
/// The moving state of one account, immutable, as the engine keeps it in the account's table row: whether it is
/// blocked, its cooldown, warm-up start, adaptive pace, last action, rolling 24-hour counters, a bot's recent
/// sends and when it last served each campaign. <see cref="PacingPolicy.Record"/> returns the next state;
/// <see cref="Serialize"/> / <see cref="Parse"/> round-trip it through one compact string (a few KiB at most:
/// per-action seconds for capped user accounts, merged slots for bots). The displayed status
/// (active / warming / cooldown / limited / blocked) is derived from it by <see cref="PacingPolicy.GetStatus"/>.
/// </summary>
public sealed partial record AccountState
{
    private static readonly TimeSpan ServedMemory = TimeSpan.FromDays(7);

    /// <summary>A fresh state (no history). Prefer <see cref="ForAccount"/>, which derives the jitter seed from the id.</summary>
    public AccountState()
    {
    }

    /// <summary>When the account's warm-up began (R22); null for an established account that needs none.</summary>
    public DateTimeOffset? WarmupStartedAt { get; init; }

    /// <summary>Why the platform restricted the account (PEER_FLOOD, revoked session…); null when it is not blocked.</summary>
    public string? BlockedReason { get; init; }

    /// <summary>When the account was blocked.</summary>
    public DateTimeOffset? BlockedAt { get; init; }

    /// <summary>The account rests until then because the platform asked it to wait (R18).</summary>
    public DateTimeOffset? CooldownUntil { get; init; }

    /// <summary>
    /// The adaptive slowdown (R21): pauses are multiplied and rates divided by it. 1 is normal speed; a rate-limit
    /// signal multiplies it, calm periods bring it slowly back to 1, never below.
    /// </summary>
    public double PaceFactor { get; init; } = 1.0;

    /// <summary>When the account's last request (of any kind and outcome) finished.</summary>
    public DateTimeOffset? LastActionAt { get; init; }

    /// <summary>When the account last received a rate-limit signal.</summary>
    public DateTimeOffset? LastSlowdownAt { get; init; }

    /// <summary>The seed of this account's jitter: decisions are reproducible, and accounts do not move in lock-step.</summary>
    public long JitterSeed { get; init; }

    /// <summary>Rolling 24-hour counters per action kind.</summary>
    public RollingCounters Counters { get; init; } = RollingCounters.Empty;

    /// <summary>A bot's sends of the last seconds, for its per-second, per-chat and per-group budgets.</summary>
    public RecentSends RecentSends { get; init; } = RecentSends.Empty;

    /// <summary>When this account last worked for each campaign (for aging in work choice); forgotten after 7 days.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> LastServed { get; init; } = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);

    /// <summary>True when the platform restricted the account: it is never used again until <see cref="Unblock"/>.</summary>
    public bool IsBlocked => BlockedReason is not null;

    /// <summary>A fresh state for an account, its jitter seeded from its id.</summary>
    /// <param name="accountId">Herald's id of the account.</param>
    /// <param name="warmupStartedAt">When its warm-up began (usually when it was added); null when it needs none.</param>
    public static AccountState ForAccount(string accountId, DateTimeOffset? warmupStartedAt = null)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        return new AccountState { JitterSeed = (long)StableHash.Of(accountId), WarmupStartedAt = warmupStartedAt };
    }

    /// <summary>When this account last worked for <paramref name="campaignId"/>, or null.</summary>
    public DateTimeOffset? LastServedAt(string campaignId) =>
        LastServed.TryGetValue(campaignId, out var at) ? at : null;

    /// <summary>An operator lifts a block (after the platform lifted it); counters and pace are kept.</summary>
    public AccountState Unblock() => this with { BlockedReason = null, BlockedAt = null };

    /// <summary>The age of the account's warm-up at <paramref name="now"/>, or null when it needs none.</summary>
    public TimeSpan? AgeAt(DateTimeOffset now) => WarmupStartedAt is { } start ? now - start : null;

    internal AccountState Served(string? campaignId, DateTimeOffset now)
    {
        if (campaignId is null)
        {
            return this;
        }

        var map = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var (id, at) in LastServed)
        {
            if (at > now - ServedMemory)
            {
                map[id] = at;
            }
        }

        map[campaignId] = now;
        return this with { LastServed = map };
    }

    /// <inheritdoc />
    public bool Equals(AccountState? other) =>
        other is not null
        && WarmupStartedAt == other.WarmupStartedAt
        && BlockedReason == other.BlockedReason
        && BlockedAt == other.BlockedAt
        && CooldownUntil == other.CooldownUntil
        && PaceFactor.Equals(other.PaceFactor)
        && LastActionAt == other.LastActionAt
        && LastSlowdownAt == other.LastSlowdownAt
        && JitterSeed == other.JitterSeed
        && Counters.Equals(other.Counters)
        && RecentSends.Equals(other.RecentSends)
        && LastServed.Count == other.LastServed.Count
        && LastServed.All(p => other.LastServed.TryGetValue(p.Key, out var at) && at == p.Value);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(WarmupStartedAt, BlockedReason, CooldownUntil, PaceFactor, LastActionAt, JitterSeed);
}
