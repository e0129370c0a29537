using Herald.Core.Domain;

namespace Herald.Core.Limits;

/// <summary>
/// Per-account limits (R16). They may only make the configured limits stricter (R35): lower caps and
/// rates, longer pauses. <see cref="PlatformLimits.ValidateOverrides"/> names each value that would loosen
/// a limit; <see cref="PlatformLimits.For"/> clamps such values to the configured limit.
/// </summary>
/// <param name="MinPause">A longer minimum pause between actions.</param>
/// <param name="MaxPause">A longer maximum pause.</param>
/// <param name="RequestsPerSecond">A lower request rate.</param>
/// <param name="InvitesPerDay">A lower invite cap.</param>
/// <param name="AddContactsPerDay">A lower contact cap.</param>
/// <param name="MessagesPerDay">A lower message cap.</param>
/// <param name="MessagesWithLinksPerDay">A lower cap for messages with links.</param>
/// <param name="ForwardsPerDay">A lower forward cap.</param>
/// <param name="PerGroupPerMinute">A lower per-group rate.</param>
/// <param name="MessagingTier">
/// WhatsApp Cloud API numbers only: the messaging tier Meta granted this number (250, 1000, 2000, 10000 or
/// 100000 unique recipients per 24 h). It replaces <c>MessagesPerDay</c>; a tier is a platform fact, not a loosening.
/// </param>
/// <param name="PaidRequestsPerSecond">
/// Telegram bots only: the bot's paid broadcast rate, messages per second with <c>allow_paid_broadcast</c> (at most the
/// configured ceiling, 1,000). Without it the bot has none and every campaign sends at the free rate; a campaign uses
/// it only when it turns paid broadcasts on for this bot.
/// </param>
public sealed record LimitOverrides(
    TimeSpan? MinPause = null,
    TimeSpan? MaxPause = null,
    int? RequestsPerSecond = null,
    int? InvitesPerDay = null,
    int? AddContactsPerDay = null,
    int? MessagesPerDay = null,
    int? MessagesWithLinksPerDay = null,
    int? ForwardsPerDay = null,
    int? PerGroupPerMinute = null,
    int? MessagingTier = null,
    int? PaidRequestsPerSecond = null)
{
    /// <summary>The WhatsApp Cloud API messaging tiers (unique recipients per rolling 24 hours).</summary>
    public static IReadOnlyList<int> WhatsAppTiers { get; } = [250, 1000, 2000, 10_000, 100_000];

    internal IReadOnlyList<string> Validate(PlatformKind platform, AccountKind kind, AccountLimitsOptions configured)
    {
        var errors = new List<string>();
        var ceiling = configured.Clone();
        if (MessagingTier is { } tier)
        {
            if (platform != PlatformKind.WhatsApp || kind != AccountKind.Bot)
            {
                errors.Add("MessagingTier applies to WhatsApp Cloud API numbers only.");
            }
            else if (!WhatsAppTiers.Contains(tier))
            {
                errors.Add($"MessagingTier is {tier}; it must be one of {string.Join(", ", WhatsAppTiers)}.");
            }
            else
            {
                ceiling.MessagesPerDay = tier;
            }
        }

        if (PaidRequestsPerSecond is { } paid && configured.PaidRequestsPerSecond is null)
        {
            errors.Add($"PaidRequestsPerSecond is {paid}; only accounts with paid broadcasts (Telegram bots) have a paid rate.");
        }

        var value = Apply(configured, clamp: false, platform, kind);
        value.PaidRequestsPerSecond = PaidRequestsPerSecond;
        if (MaxPause is { } max && max < configured.MaxPause)
        {
            errors.Add($"overrides:MaxPause is {max}; it may not be shorter than the configured {configured.MaxPause} (limits may only be made stricter).");
        }

        // What is left out follows what is set, as For applies it: a longer MinPause lifts MaxPause with it, a lower
        // MessagesPerDay lowers the cap for messages with links.
        if (MaxPause is null && value.MaxPause < value.MinPause)
        {
            value.MaxPause = value.MinPause;
        }

        if (MessagesWithLinksPerDay is null && value.MessagesWithLinksPerDay is { } links && value.MessagesPerDay is { } all && links > all)
        {
            value.MessagesWithLinksPerDay = all;
        }

        LimitRules.Check("overrides", value, ceiling, errors, "the configured limit");
        return errors;
    }

    internal AccountLimitsOptions Apply(AccountLimitsOptions configured, bool clamp, PlatformKind platform, AccountKind kind)
    {
        var result = configured.Clone();
        var tierApplies = platform == PlatformKind.WhatsApp && kind == AccountKind.Bot
            && MessagingTier is { } t && WhatsAppTiers.Contains(t);
        var messagesCeiling = tierApplies ? MessagingTier : configured.MessagesPerDay;
        result.MessagesPerDay = tierApplies ? MessagingTier : configured.MessagesPerDay;

        result.MinPause = Longer(MinPause, configured.MinPause, clamp);
        result.MaxPause = Longer(MaxPause, configured.MaxPause, clamp);
        if (clamp && result.MaxPause < result.MinPause)
        {
            result.MaxPause = result.MinPause;
        }

        result.RequestsPerSecond = Lower(RequestsPerSecond, configured.RequestsPerSecond, clamp);
        result.InvitesPerDay = Lower(InvitesPerDay, configured.InvitesPerDay, clamp);
        result.AddContactsPerDay = Lower(AddContactsPerDay, configured.AddContactsPerDay, clamp);
        result.MessagesPerDay = Lower(MessagesPerDay, messagesCeiling, clamp);
        result.MessagesWithLinksPerDay = Lower(MessagesWithLinksPerDay, configured.MessagesWithLinksPerDay, clamp);
        result.ForwardsPerDay = Lower(ForwardsPerDay, configured.ForwardsPerDay, clamp);
        result.PerGroupPerMinute = Lower(PerGroupPerMinute, configured.PerGroupPerMinute, clamp);
        if (clamp && result.MessagesWithLinksPerDay is { } links && result.MessagesPerDay is { } all && links > all)
        {
            result.MessagesWithLinksPerDay = all;
        }

        return result;
    }

    /// <summary>The paid broadcast rate in force: the account's own, at most the configured ceiling; null when either is missing.</summary>
    internal int? PaidRate(AccountLimitsOptions configured) =>
        PaidRequestsPerSecond is { } paid && configured.PaidRequestsPerSecond is { } ceiling ? Math.Clamp(paid, 1, ceiling) : null;

    private static TimeSpan Longer(TimeSpan? value, TimeSpan configured, bool clamp) =>
        value is not { } v ? configured : clamp && v < configured ? configured : v;

    private static int? Lower(int? value, int? configured, bool clamp) =>
        value is not { } v ? configured
        : clamp && configured is { } c && v > c ? c
        : clamp && v < 0 ? 0
        : v;
}
