using Herald.Core.Limits;

namespace Herald.Engine.Accounts;

/// <summary>
/// The limits in force for an account (R16): the configured ones with its own stricter settings applied
/// (<see cref="PlatformLimits.For"/>). Daily caps are per rolling 24 hours and null when there is none; a warming
/// account gets <see cref="WarmupShare"/> of them.
/// </summary>
/// <param name="MinPauseSeconds">The shortest pause between two actions.</param>
/// <param name="MaxPauseSeconds">The longest jittered pause.</param>
/// <param name="RequestsPerSecond">Requests per second for the whole account.</param>
/// <param name="PerChatIntervalSeconds">The shortest interval between two messages to one chat, or null.</param>
/// <param name="PerGroupPerMinute">Messages per minute into one group.</param>
/// <param name="InvitesPerDay">Invites per day.</param>
/// <param name="AddContactsPerDay">Contacts added per day.</param>
/// <param name="MessagesPerDay">Messages per day.</param>
/// <param name="MessagesWithLinksPerDay">Messages with a link per day.</param>
/// <param name="ForwardsPerDay">Forwards per day.</param>
/// <param name="MaxMessageLength">The longest message text.</param>
/// <param name="WarmupShare">The share of the daily caps the account gets now (1 once warmed up, R22).</param>
/// <param name="PaidRequestsPerSecond">A bot's paid broadcast rate, for campaigns that pay for it; null: none.</param>
public sealed record EffectiveLimits(
    double MinPauseSeconds,
    double MaxPauseSeconds,
    int? RequestsPerSecond,
    double? PerChatIntervalSeconds,
    int? PerGroupPerMinute,
    int? InvitesPerDay,
    int? AddContactsPerDay,
    int? MessagesPerDay,
    int? MessagesWithLinksPerDay,
    int? ForwardsPerDay,
    int MaxMessageLength,
    double WarmupShare,
    int? PaidRequestsPerSecond = null)
{
    /// <summary>The limits of an account of age <paramref name="age"/> (null: not warming).</summary>
    public static EffectiveLimits From(AccountLimits limits, TimeSpan? age)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return new(
            limits.MinPause.TotalSeconds,
            limits.MaxPause.TotalSeconds,
            limits.RequestsPerSecond,
            limits.PerChatInterval > TimeSpan.Zero ? limits.PerChatInterval.TotalSeconds : null,
            limits.PerGroupPerMinute,
            limits.InvitesPerDay,
            limits.AddContactsPerDay,
            limits.MessagesPerDay,
            limits.MessagesWithLinksPerDay,
            limits.ForwardsPerDay,
            limits.MaxMessageLength,
            Math.Round(limits.WarmupShare(age), 4),
            limits.PaidRequestsPerSecond);
    }
}
