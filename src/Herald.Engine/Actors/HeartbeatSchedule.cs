namespace Herald.Engine.Actors;

/// <summary>
/// When a working tick renews its account's lease and extends its message's visibility: as late as keeps the same
/// guarantees, since each is one storage request per renewal (issue 11). A dead worker's account is taken over once its
/// lease has run out (<see cref="EngineOptions.LeaseDuration"/> after the last renewal) and its message is visible
/// again; the message need not come back before that, so after its first extension it is extended to the lease's
/// length, half as often, with the same takeover bound.
/// </summary>
internal static class HeartbeatSchedule
{
    /// <summary>
    /// How long to wait before the next renewal: half the lease after the last renewal that succeeded was sent (a tick
    /// that ends sooner never renews; the tick stops starting actions 80% of the lease after it, so a renewal has 30% of
    /// the lease to get through), or a tenth of the lease after a failed try (storage unreachable), until it succeeds
    /// or the tick stops.
    /// </summary>
    public static TimeSpan RenewalDelay(TimeSpan lease, DateTimeOffset lastRenewedAt, DateTimeOffset now, bool lastTryFailed)
    {
        if (lastTryFailed)
        {
            return lease / 10;
        }

        var due = lastRenewedAt + (lease / 2) - now;
        return due > TimeSpan.Zero ? due : TimeSpan.Zero;
    }

    /// <summary>
    /// The next extension of a message that is now invisible for <paramref name="visibleFor"/> from the last extension
    /// (or its receipt): made half a <paramref name="visibility"/> before it would show, to the longer of
    /// <paramref name="visibility"/> and <paramref name="lease"/>. A worker that dies leaves its message invisible for
    /// at most a lease, while its account's lease runs at most as long.
    /// </summary>
    public static (TimeSpan Delay, TimeSpan Visibility) NextExtension(TimeSpan visibility, TimeSpan lease, TimeSpan visibleFor)
    {
        var margin = visibility / 2;
        var delay = visibleFor - margin;
        return (delay > TimeSpan.Zero ? delay : TimeSpan.Zero, lease > visibility ? lease : visibility);
    }
}
