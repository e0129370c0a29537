namespace Herald.Engine.Campaigns;

/// <summary>
/// When a running campaign should finish. Early on the measured speed says little (a few seconds of sends, accounts
/// still starting), so the estimate starts from the plan (what the accounts' limits allow for the remaining work) and
/// moves to the measured speed over its first minute of running.
/// </summary>
public static class CampaignEta
{
    /// <summary>How long a campaign runs before its measured speed alone decides the estimate.</summary>
    public static readonly TimeSpan TrustMeasuredAfter = TimeSpan.FromMinutes(1);

    /// <summary>The estimated finish, or null when nothing is left or nothing says when.</summary>
    /// <param name="remaining">Recipients not reached yet.</param>
    /// <param name="measuredPerMinute">Recipients per minute measured since the campaign started running.</param>
    /// <param name="runningFor">How long it has run.</param>
    /// <param name="plannedFinish">When the plan says the remaining work is done (null when it cannot say).</param>
    /// <param name="now">Now.</param>
    public static DateTimeOffset? Estimate(long remaining, double measuredPerMinute, TimeSpan runningFor, DateTimeOffset? plannedFinish, DateTimeOffset now)
    {
        if (remaining <= 0)
        {
            return null;
        }

        double? planned = plannedFinish is { } finish && finish > now ? remaining / (finish - now).TotalMinutes : null;
        var trust = Math.Clamp(runningFor / TrustMeasuredAfter, 0, 1);
        double perMinute = (planned, measuredPerMinute > 0) switch
        {
            (null, true) => measuredPerMinute,
            ({ } p, true) => (trust * measuredPerMinute) + ((1 - trust) * p),
            ({ } p, false) => p,
            _ => 0,
        };
        return perMinute > 0 ? now + TimeSpan.FromMinutes(remaining / perMinute) : null;
    }
}
