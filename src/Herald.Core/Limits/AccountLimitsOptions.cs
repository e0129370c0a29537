namespace Herald.Core.Limits;

/// <summary>
/// The limits of one kind of account on one platform, bindable from configuration
/// (<c>Herald:Limits:Telegram:User</c> and so on). Defaults are in <see cref="PlatformLimitsOptions.CreateDefaults"/>;
/// configuration may only make them stricter (R35). A null daily cap means the platform has none.
/// </summary>
public sealed class AccountLimitsOptions
{
    /// <summary>The shortest pause between two actions of one account (the safe minimum; jitter and slowdown only add).</summary>
    public TimeSpan MinPause { get; set; }

    /// <summary>The longest jittered pause; each pause is drawn from <c>[MinPause, MaxPause]</c>.</summary>
    public TimeSpan MaxPause { get; set; }

    /// <summary>Requests per second for the whole account (bots: ≈30 Telegram, 80 WhatsApp Cloud API).</summary>
    public int? RequestsPerSecond { get; set; }

    /// <summary>
    /// The most messages per second one account may send with paid broadcasts (Telegram bots: 1,000, for 0.1 Stars per
    /// message), or null where the platform has none. A ceiling only: a bot sends paid only at its own configured paid
    /// rate (<see cref="LimitOverrides.PaidRequestsPerSecond"/>), and only for a campaign that turns it on for it.
    /// </summary>
    public int? PaidRequestsPerSecond { get; set; }

    /// <summary>The shortest interval between two messages to one chat (Telegram bots 1 s, WhatsApp 6 s), or null.</summary>
    public TimeSpan? PerChatInterval { get; set; }

    /// <summary>Messages per minute into one group chat (Telegram bots: 20), or null.</summary>
    public int? PerGroupPerMinute { get; set; }

    /// <summary>Invites into groups or channels per rolling 24 hours.</summary>
    public int? InvitesPerDay { get; set; }

    /// <summary>Contacts added per rolling 24 hours.</summary>
    public int? AddContactsPerDay { get; set; }

    /// <summary>
    /// Messages per rolling 24 hours (personal messages, or bot messages; for the WhatsApp Cloud API the
    /// messaging tier: unique recipients per 24 hours).
    /// </summary>
    public int? MessagesPerDay { get; set; }

    /// <summary>Messages containing a link (URL, t.me link, @mention) per rolling 24 hours: the lower cap.</summary>
    public int? MessagesWithLinksPerDay { get; set; }

    /// <summary>Forwarded messages per rolling 24 hours (Telegram user accounts ≈20; kept for forward actions).</summary>
    public int? ForwardsPerDay { get; set; }

    /// <summary>
    /// The warm-up ramp of a new account (R22): from day N of its age its daily caps are this share of the full
    /// caps. Empty means no warm-up. Configuration merges keys into the defaults (set a day to change its share).
    /// </summary>
    public Dictionary<int, double> WarmupShareByDay { get; set; } = [];

    /// <summary>
    /// Spread each daily cap evenly over the campaign's open hours (e.g. 40 messages in a 12-hour window:
    /// about one every 18 minutes) instead of spending it in one burst. On by default for user accounts.
    /// </summary>
    public bool SpreadOverDay { get; set; }

    /// <summary>The longest message text the platform accepts, in UTF-16 characters (R30).</summary>
    public int MaxMessageLength { get; set; } = 4096;

    /// <summary>
    /// These limits at <paramref name="factor"/> times real speed (<see cref="PlatformLimitsOptions.TimeFactor"/>): durations
    /// divided by it, rates and daily caps multiplied (rounded down), message length and warm-up shares unchanged.
    /// </summary>
    internal AccountLimitsOptions ScaledBy(double factor)
    {
        var copy = Clone();
        copy.MinPause = MinPause / factor;
        copy.MaxPause = MaxPause / factor;
        copy.PerChatInterval = PerChatInterval / factor;
        copy.RequestsPerSecond = Times(RequestsPerSecond);
        copy.PaidRequestsPerSecond = Times(PaidRequestsPerSecond);
        copy.PerGroupPerMinute = Times(PerGroupPerMinute);
        copy.InvitesPerDay = Times(InvitesPerDay);
        copy.AddContactsPerDay = Times(AddContactsPerDay);
        copy.MessagesPerDay = Times(MessagesPerDay);
        copy.MessagesWithLinksPerDay = Times(MessagesWithLinksPerDay);
        copy.ForwardsPerDay = Times(ForwardsPerDay);
        return copy;

        int? Times(int? value) => value is { } v ? (int)Math.Min(int.MaxValue, Math.Floor(v * factor)) : null;
    }

    /// <summary>A deep copy, so shared defaults are never changed through a bound instance.</summary>
    public AccountLimitsOptions Clone()
    {
        var copy = (AccountLimitsOptions)MemberwiseClone();
        copy.WarmupShareByDay = new Dictionary<int, double>(WarmupShareByDay);
        return copy;
    }
}
