namespace Herald.Engine.Actors;

/// <summary>
/// Decides whether a bot's tick, at its end, goes straight on as the next tick in the same handler (issue 16). The
/// next tick of a bot at full speed is due at once; through the queue it would cost the bot the release of its lease,
/// a new message, its deletion, a poll, a read of the row and a new lease — a gap of ten storage round trips in which
/// it could have sent. Chained, the tick's end and the next one's start are one write of the row (a new attempt's
/// lease with the counters, as a tick's end writes them), then the statistics as ever.
/// </summary>
internal static class TickChaining
{
    /// <summary>
    /// True when the tick should go on as the next one: a bot that acted and was at full speed in its last batch, with
    /// work due now, within <paramref name="limit"/> of the handler's start (after which it hands its worker slot
    /// back through the queue, so other accounts get their turn).
    /// </summary>
    public static bool ShouldChain(bool isBot, bool fenced, int acted, bool fullSpeed, DateTimeOffset? nextAt, DateTimeOffset now, TimeSpan elapsed, TimeSpan limit) =>
        isBot && !fenced && acted > 0 && fullSpeed && nextAt is { } next && next <= now && elapsed < limit;
}
