using Herald.Core.Limits;

namespace Herald.Engine.Accounts;

/// <summary>
/// An account's own limits as the API takes and shows them (R16): each one may only be stricter than the configured
/// limit (R35); a value left out (null) keeps the configured one. Pauses are in seconds, like the API's other durations.
/// </summary>
/// <param name="MinPauseSeconds">A longer minimum pause between two actions.</param>
/// <param name="MaxPauseSeconds">A longer maximum (jittered) pause.</param>
/// <param name="RequestsPerSecond">A lower request rate.</param>
/// <param name="InvitesPerDay">A lower invite cap per rolling 24 hours.</param>
/// <param name="AddContactsPerDay">A lower cap of contacts added per rolling 24 hours.</param>
/// <param name="MessagesPerDay">A lower message cap per rolling 24 hours.</param>
/// <param name="MessagesWithLinksPerDay">A lower cap of messages with a link per rolling 24 hours.</param>
/// <param name="ForwardsPerDay">A lower forward cap per rolling 24 hours.</param>
/// <param name="PerGroupPerMinute">A lower rate of messages into one group per minute.</param>
/// <param name="MessagingTier">WhatsApp Cloud API numbers only: the messaging tier Meta granted the number.</param>
/// <param name="PaidRequestsPerSecond">
/// Telegram bots only: the bot's paid broadcast rate (messages per second with <c>allow_paid_broadcast</c>, at most the
/// configured ceiling, 1,000). A campaign sends above the free 30/s only for bots it names in <c>paidBroadcast</c>.
/// </param>
public sealed record LimitSettings(
    double? MinPauseSeconds = null,
    double? MaxPauseSeconds = null,
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
    /// <summary>The longest pause accepted: one day, in seconds.</summary>
    public const double LongestPauseSeconds = 86_400;

    /// <summary>
    /// The overrides to keep in the account row, or null when no value is given. Check the pauses first (0 to
    /// <see cref="LongestPauseSeconds"/>); <see cref="PlatformLimits.ValidateOverrides"/> tells which values loosen a limit.
    /// </summary>
    public LimitOverrides? ToOverrides()
    {
        var overrides = new LimitOverrides(
            Seconds(MinPauseSeconds),
            Seconds(MaxPauseSeconds),
            RequestsPerSecond,
            InvitesPerDay,
            AddContactsPerDay,
            MessagesPerDay,
            MessagesWithLinksPerDay,
            ForwardsPerDay,
            PerGroupPerMinute,
            MessagingTier,
            PaidRequestsPerSecond);
        return overrides == new LimitOverrides() ? null : overrides;
    }

    /// <summary>The settings of an account row's overrides; null when it has none.</summary>
    public static LimitSettings? From(LimitOverrides? overrides) => overrides is null ? null : new(
        overrides.MinPause?.TotalSeconds,
        overrides.MaxPause?.TotalSeconds,
        overrides.RequestsPerSecond,
        overrides.InvitesPerDay,
        overrides.AddContactsPerDay,
        overrides.MessagesPerDay,
        overrides.MessagesWithLinksPerDay,
        overrides.ForwardsPerDay,
        overrides.PerGroupPerMinute,
        overrides.MessagingTier,
        overrides.PaidRequestsPerSecond);

    private static TimeSpan? Seconds(double? seconds) => seconds is { } s ? TimeSpan.FromSeconds(s) : null;
}
