using Herald.Simulator.Telegram;

namespace Herald.Simulator;

// Forced flood control: the next sends of one bot answer 429 with a chosen retry_after, whatever the limits say.
public sealed partial class SimulatorState
{
    /// <summary>
    /// Makes the next <paramref name="count"/> <c>sendMessage</c> calls of bot <paramref name="botId"/> (to any chat)
    /// answer <c>429 Too Many Requests: retry after N</c> with <c>parameters.retry_after</c> =
    /// <paramref name="retryAfterSeconds"/>, as Telegram's flood control does. Each forced answer starts a wait of that
    /// long for the whole bot: a send that arrives during it is answered 429 too (with the seconds left) and counted in
    /// <see cref="ForcedRetryAfterStats.SentDuringWait"/>, which stays 0 for a client that honours every 429. Replaces
    /// what remained of an earlier call for that bot; <see cref="Reset"/> forgets it.
    /// </summary>
    public void ForceRetryAfter(long botId, int count, int retryAfterSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(retryAfterSeconds, 1);
        lock (_gate)
        {
            var bot = Bot(botId);
            bot.ForcedRemaining = count;
            bot.ForcedRetryAfterSeconds = retryAfterSeconds;
        }
    }

    /// <summary>What forced flood control did for bot <paramref name="botId"/> so far.</summary>
    public ForcedRetryAfterStats GetForcedRetryAfter(long botId)
    {
        lock (_gate)
        {
            var bot = Bot(botId);
            return new ForcedRetryAfterStats(bot.ForcedAnswered, bot.ForcedRemaining, bot.SentDuringWait);
        }
    }

    // Under the lock: the forced answer for this send, or null when none is due.
    private static BotAnswer? ForcedRateLimit(SimulatedBot bot, DateTimeOffset now)
    {
        if (bot.ForcedWaitUntil is { } until && now < until)
        {
            bot.SentDuringWait++;
            bot.RateLimited++;
            return BotAnswer.TooManyRequests((int)Math.Max(1, Math.Ceiling((until - now).TotalSeconds)));
        }

        if (bot.ForcedRemaining <= 0)
        {
            return null;
        }

        bot.ForcedRemaining--;
        bot.ForcedAnswered++;
        bot.RateLimited++;
        bot.ForcedWaitUntil = now + TimeSpan.FromSeconds(bot.ForcedRetryAfterSeconds);
        return BotAnswer.TooManyRequests(bot.ForcedRetryAfterSeconds);
    }
}

/// <summary>What <see cref="SimulatorState.ForceRetryAfter"/> did for one bot.</summary>
/// <param name="Answered">Sends answered with a forced 429.</param>
/// <param name="Remaining">Forced 429s still to come.</param>
/// <param name="SentDuringWait">Sends that arrived before a forced 429's <c>retry_after</c> had passed (0 when the client honours them).</param>
public sealed record ForcedRetryAfterStats(long Answered, long Remaining, long SentDuringWait);
