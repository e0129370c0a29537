using Herald.Core.Domain;
using Herald.Core.Pacing;

namespace Herald.Core.Limits;

/// <summary>
/// The resolved, immutable limits of one account (configured limits with its overrides applied), as the
/// pacing policy uses them. Get one from <see cref="PlatformLimits.For"/>; tests may build one with
/// <see cref="From"/> and adjust it with <c>with</c>.
/// </summary>
public sealed record AccountLimits
{
    /// <summary>The platform.</summary>
    public required PlatformKind Platform { get; init; }

    /// <summary>Bot or user account.</summary>
    public required AccountKind Kind { get; init; }

    /// <summary>The safe minimum pause between two actions.</summary>
    public TimeSpan MinPause { get; init; }

    /// <summary>The longest jittered pause.</summary>
    public TimeSpan MaxPause { get; init; }

    /// <summary>Requests per second for the whole account, or null.</summary>
    public int? RequestsPerSecond { get; init; }

    /// <summary>
    /// This bot's paid broadcast rate (messages per second with <c>allow_paid_broadcast</c>, at most the configured
    /// ceiling), or null: it sends at <see cref="RequestsPerSecond"/> only. Set per account
    /// (<see cref="LimitOverrides.PaidRequestsPerSecond"/>); used only by campaigns that turn paid broadcasts on for it.
    /// </summary>
    public int? PaidRequestsPerSecond { get; init; }

    /// <summary>The limits a campaign with paid broadcasts on for this account sends at: the paid rate per second, when it has one.</summary>
    public AccountLimits WithPaidBroadcast() =>
        PaidRequestsPerSecond is { } paid && paid > (RequestsPerSecond ?? 0) ? this with { RequestsPerSecond = paid } : this;

    /// <summary>The shortest interval between two messages to one chat; zero for none.</summary>
    public TimeSpan PerChatInterval { get; init; }

    /// <summary>Messages per minute into one group chat, or null.</summary>
    public int? PerGroupPerMinute { get; init; }

    /// <summary>Invites per rolling 24 hours, or null for no cap.</summary>
    public int? InvitesPerDay { get; init; }

    /// <summary>Contacts added per rolling 24 hours, or null.</summary>
    public int? AddContactsPerDay { get; init; }

    /// <summary>Messages per rolling 24 hours, or null.</summary>
    public int? MessagesPerDay { get; init; }

    /// <summary>Messages with a link per rolling 24 hours, or null.</summary>
    public int? MessagesWithLinksPerDay { get; init; }

    /// <summary>Forwards per rolling 24 hours, or null.</summary>
    public int? ForwardsPerDay { get; init; }

    /// <summary>The warm-up ramp, ordered by day; empty for none.</summary>
    public IReadOnlyList<WarmupStep> Warmup { get; init; } = [];

    /// <summary>Spread daily caps evenly over the open hours of a day.</summary>
    public bool SpreadOverDay { get; init; }

    /// <summary>The longest message text the platform accepts.</summary>
    public int MaxMessageLength { get; init; } = 4096;

    /// <summary>How long the warm-up lasts: the first day whose share is 1 (zero when there is no ramp).</summary>
    public TimeSpan WarmupLength => Warmup.Count == 0 ? TimeSpan.Zero
        : TimeSpan.FromDays(Warmup.FirstOrDefault(s => s.Share >= 1, Warmup[^1]).Day);

    /// <summary>Resolves bound options into limits.</summary>
    public static AccountLimits From(PlatformKind platform, AccountKind kind, AccountLimitsOptions options) => new()
    {
        Platform = platform,
        Kind = kind,
        MinPause = options.MinPause,
        MaxPause = options.MaxPause < options.MinPause ? options.MinPause : options.MaxPause,
        RequestsPerSecond = options.RequestsPerSecond,
        PerChatInterval = options.PerChatInterval ?? TimeSpan.Zero,
        PerGroupPerMinute = options.PerGroupPerMinute,
        InvitesPerDay = options.InvitesPerDay,
        AddContactsPerDay = options.AddContactsPerDay,
        MessagesPerDay = options.MessagesPerDay,
        MessagesWithLinksPerDay = options.MessagesWithLinksPerDay,
        ForwardsPerDay = options.ForwardsPerDay,
        Warmup = [.. options.WarmupShareByDay.OrderBy(p => p.Key).Select(p => new WarmupStep(p.Key, p.Value))],
        SpreadOverDay = options.SpreadOverDay,
        MaxMessageLength = options.MaxMessageLength,
    };

    /// <summary>The full rolling 24-hour cap of a counter, or null when there is none.</summary>
    public int? DailyCap(CounterKey key) => key switch
    {
        CounterKey.Invite => InvitesPerDay,
        CounterKey.AddContact => AddContactsPerDay,
        CounterKey.PersonalMessage or CounterKey.BotMessage => MessagesPerDay,
        CounterKey.MessageWithLinks => MessagesWithLinksPerDay,
        _ => null,
    };

    /// <summary>The share of the full caps an account of this age gets (1 when warmed up or of unknown age).</summary>
    public double WarmupShare(TimeSpan? age)
    {
        if (age is not { } a || Warmup.Count == 0)
        {
            return 1.0;
        }

        var share = Warmup[0].Share;
        foreach (var step in Warmup)
        {
            if (a >= TimeSpan.FromDays(step.Day))
            {
                share = step.Share;
            }
            else
            {
                break;
            }
        }

        return share;
    }

    /// <summary>The cap in force for an account of this age: the full cap times the warm-up share, at least 1.</summary>
    public int? EffectiveDailyCap(CounterKey key, TimeSpan? age)
    {
        if (DailyCap(key) is not { } cap)
        {
            return null;
        }

        return cap == 0 ? 0 : Math.Max(1, (int)Math.Floor(cap * WarmupShare(age) + 1e-9));
    }
}
