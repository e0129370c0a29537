using System.Globalization;

namespace Herald.Host.Alerts;

/// <summary>
/// Which alerts a look at accounts and campaigns raises (pure: the monitor gathers the inputs, the gate deduplicates).
/// Texts name accounts and campaigns by id with counts and reason codes only.
/// </summary>
public static class AlertRules
{
    /// <summary>The reason a campaign waits when every account rests.</summary>
    public const string AllAccountsResting = "all_accounts_resting";

    /// <summary>
    /// The alerts for this look. <paramref name="restingSince"/> holds when each waiting campaign (tenant/id) was first
    /// seen with all accounts resting; <paramref name="floodWaits"/> is how many rate-limit answers came within
    /// <see cref="AlertOptions.FloodWaitWithin"/>.
    /// </summary>
    public static IEnumerable<OperatorAlert> Evaluate(
        IEnumerable<AccountSnapshot> accounts,
        IEnumerable<CampaignSnapshot> campaigns,
        int floodWaits,
        IReadOnlyDictionary<string, DateTimeOffset> restingSince,
        AlertOptions options,
        DateTimeOffset now)
    {
        foreach (var a in accounts)
        {
            if (a.Status == "blocked")
            {
                yield return new(AlertKind.AccountBlocked, a.TenantId, a.AccountId,
                    $"Herald: account {a.AccountId} (tenant {a.TenantId}) is blocked{Because(a.Reason)}. Its work goes to the other accounts.");
            }
            else if (a.Status == "limited")
            {
                yield return new(AlertKind.AccountLimited, a.TenantId, a.AccountId,
                    $"Herald: account {a.AccountId} (tenant {a.TenantId}) is limited{Until(a.Until)}{Because(a.Reason)}.");
            }
        }

        if (floodWaits >= options.FloodWaitCount)
        {
            yield return new(AlertKind.FloodWaitSpike, "*", "*", string.Create(CultureInfo.InvariantCulture,
                $"Herald: {floodWaits} FloodWaits (rate-limit answers) in the last {options.FloodWaitWithin.TotalMinutes:0.#} min."));
        }

        foreach (var c in campaigns)
        {
            if (c.Status == "completed_with_errors" && c.EndedAt is { } ended && now - ended <= options.Window)
            {
                var reasons = string.Join(", ", c.Reasons.OrderByDescending(r => r.Value).Take(3).Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key} {r.Value}")));
                yield return new(AlertKind.CampaignEndedWithErrors, c.TenantId, c.CampaignId, string.Create(CultureInfo.InvariantCulture,
                    $"Herald: campaign {c.CampaignId} (tenant {c.TenantId}) ended with errors: {c.Failed} failed, {c.Unknown} unknown{(reasons.Length > 0 ? $". Reasons: {reasons}" : "")}."));
            }
            else if (c.WaitingReason == AllAccountsResting
                     && ((c.ResumeAt is { } resume && resume - now > options.RestingLongerThan)
                         || (restingSince.TryGetValue(Key(c), out var since) && now - since > options.RestingLongerThan)))
            {
                yield return new(AlertKind.AllAccountsResting, c.TenantId, c.CampaignId,
                    $"Herald: every account of campaign {c.CampaignId} (tenant {c.TenantId}) is resting{(c.ResumeAt is { } at ? $"; it resumes at {at.UtcDateTime:yyyy-MM-dd HH:mm} UTC" : "")}.");
            }
        }
    }

    /// <summary>The key of a campaign in <c>restingSince</c>.</summary>
    public static string Key(CampaignSnapshot campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return campaign.TenantId + "/" + campaign.CampaignId;
    }

    private static string Because(string? reason) => string.IsNullOrEmpty(reason) ? "" : $" ({reason})";

    private static string Until(DateTimeOffset? until) => until is { } u ? $" until {u.UtcDateTime:yyyy-MM-dd HH:mm} UTC" : "";
}
