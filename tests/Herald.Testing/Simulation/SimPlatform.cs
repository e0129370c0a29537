using Herald.Core.Domain;
using Herald.Core.Outcomes;

namespace Herald.Testing.Simulation;

/// <summary>
/// The scripted fake platform: answers each attempt from the scenario's seed, the recipient, the account's attempt
/// number and its scripted fate (FloodWait with retry-after, PEER_FLOOD blocks, privacy refusals, deleted recipients,
/// transient failures). Deterministic: the same scenario always gets the same answers.
/// </summary>
public sealed class SimPlatform(SimPlatformScript script, long seed)
{
    /// <summary>The answer to attempt number <paramref name="attempt"/> (1-based) of an account for a recipient.</summary>
    public ActionOutcome Answer(SimAccountSpec account, int accountIndex, int attempt, int campaign, int recipient, ActionKind kind)
    {
        if (account.BlockAtAttempt == attempt)
        {
            return new ActionOutcome.AccountBlocked("PEER_FLOOD");
        }

        if (account.FloodWaitAtAttempt == attempt)
        {
            return new ActionOutcome.RateLimited(account.FloodWaitFor);
        }

        var attemptKey = ((long)accountIndex << 32) | (uint)attempt;
        if (Draw(attemptKey, 13) < script.FloodWaitShare)
        {
            var span = script.FloodWaitMax - script.FloodWaitMin;
            return new ActionOutcome.RateLimited(script.FloodWaitMin + (span * Draw(attemptKey, 14)));
        }

        if (Draw(attemptKey, 15) < script.TransientShare)
        {
            return new ActionOutcome.Transient("timeout");
        }

        var recipientKey = ((long)campaign << 32) | (uint)recipient;
        if (Draw(recipientKey, 11) < script.RecipientGoneShare)
        {
            return new ActionOutcome.RecipientGone("INPUT_USER_DEACTIVATED");
        }

        if (kind == ActionKind.Invite && Draw(recipientKey, 12) < script.PrivacyRestrictedShare)
        {
            return new ActionOutcome.PrivacyRestricted("USER_PRIVACY_RESTRICTED");
        }

        return new ActionOutcome.Done(kind switch
        {
            ActionKind.Invite => DoneKind.Invited,
            ActionKind.AddContact => DoneKind.ContactAdded,
            _ => DoneKind.Messaged,
        });
    }

    /// <summary>A seeded draw in [0, 1).</summary>
    public double Draw(long key, long salt) => Unit(seed, key, salt);

    internal static double Unit(long seed, long a, long b)
    {
        var z = unchecked(((ulong)seed * 0x9E3779B97F4A7C15UL) ^ ((ulong)a * 0xBF58476D1CE4E5B9UL) ^ ((ulong)b * 0x94D049BB133111EBUL));
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }

    internal static long Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return (long)hash;
    }
}
