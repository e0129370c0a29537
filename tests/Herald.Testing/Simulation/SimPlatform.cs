using Herald.Core.Domain;
using Herald.Core.Outcomes;
using Herald.Core.Pacing;

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
    public double Draw(long key, long salt) => StableHash.Unit(seed, key, salt);
}
