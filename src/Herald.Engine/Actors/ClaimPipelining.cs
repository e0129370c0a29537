namespace Herald.Engine.Actors;

/// <summary>
/// Decides whether a bot claims its next batch while the current batch's sends are in flight (issue 16). A bot at full
/// speed sends one second's worth per batch; without this, the claim of the next batch (a campaign list, a query and a
/// transaction) sits between two of its sends, every second. The early claim sends nothing, so it can never cause a
/// 429: the sends still wait their turn in the platform's limiter. It is only worth its requests when the tick will
/// surely go on after this batch; a claim not used is handed back (its targets were never started, so even a crash
/// leaves them to recovery as pending).
/// </summary>
internal static class ClaimPipelining
{
    /// <summary>Slack for the estimate of the batch's duration (storage writes between its sends).</summary>
    internal static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// True when the next batch should be claimed now: the bot sends at full speed (its batch is paced, not held up by
    /// storage), the campaign is not in its last stretch (a shard found empty: claims then look for the last targets
    /// one second at a time and may find none), the batch is bounded by the rate (not by a daily cap), the lease is
    /// held, and the tick will still be starting batches once this one is sent
    /// (<paramref name="elapsed"/> + the batch's duration at <paramref name="perSecond"/> + <see cref="Margin"/> is
    /// under <paramref name="tickLimit"/>).
    /// </summary>
    public static bool ShouldPrefetch(
        bool fullSpeed,
        bool lastStretch,
        bool rateBound,
        bool leaseHeld,
        int batch,
        int perSecond,
        TimeSpan elapsed,
        TimeSpan tickLimit)
    {
        if (!fullSpeed || lastStretch || !rateBound || !leaseHeld || batch <= 0 || perSecond <= 0)
        {
            return false;
        }

        var sending = TimeSpan.FromSeconds(batch / (double)perSecond);
        return elapsed + sending + Margin < tickLimit;
    }
}
