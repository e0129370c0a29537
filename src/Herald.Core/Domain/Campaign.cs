namespace Herald.Core.Domain;

/// <summary>
/// What a campaign asks for (R1): the actions to run on each recipient, through which accounts, how
/// urgently and when. Progress lives elsewhere (targets, statistics).
/// </summary>
/// <param name="TenantId">The owning tenant.</param>
/// <param name="Id">The campaign id.</param>
/// <param name="Platform">The platform of every account it uses.</param>
/// <param name="Actions">The actions run on each recipient, in order (e.g. add contact, then message).</param>
/// <param name="Schedule">Start time and daily time window (R2).</param>
/// <param name="Priority">Higher goes first and gets more of the shared accounts (R4); 0 is normal.</param>
/// <param name="Delivery">At-most-once (default) or at-least-once for ambiguous attempts.</param>
/// <param name="DryRun">Every step except the real platform call (R6).</param>
/// <param name="FallbackToMessage">On a privacy-refused invite, send a personal message instead (R13).</param>
/// <param name="MessageTemplate">The message text with fields and variants (R15), when an action sends one.</param>
/// <param name="TargetChat">The group or channel for invites.</param>
/// <param name="AccountIds">The accounts to use; null means every account of the tenant on the platform.</param>
/// <param name="PaidBroadcastAccounts">
/// Bots that send above the free rate as paid broadcasts (Telegram's <c>allow_paid_broadcast</c>, 0.1 Stars a message),
/// up to each bot's configured paid rate; null or empty: none (the default), every bot sends at the free rate.
/// </param>
public sealed record Campaign(
    string TenantId,
    string Id,
    PlatformKind Platform,
    IReadOnlyList<ActionKind> Actions,
    CampaignSchedule Schedule,
    int Priority = 0,
    DeliveryMode Delivery = DeliveryMode.AtMostOnce,
    bool DryRun = false,
    bool FallbackToMessage = false,
    string? MessageTemplate = null,
    string? TargetChat = null,
    IReadOnlyList<string>? AccountIds = null,
    IReadOnlyList<string>? PaidBroadcastAccounts = null)
{
    /// <summary>True when <paramref name="accountId"/> sends this campaign's messages as paid broadcasts above the free rate.</summary>
    public bool PaysFor(string accountId) => PaidBroadcastAccounts is { } paid && paid.Contains(accountId, StringComparer.Ordinal);
}
