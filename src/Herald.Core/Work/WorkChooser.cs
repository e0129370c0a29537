using Herald.Core.Limits;
using Herald.Core.Pacing;

namespace Herald.Core.Work;

/// <summary>
/// Picks what an account does next among the tenant's running campaigns that use it (R4): of the campaigns whose
/// next action the pacing policy allows now, the one with the highest priority after aging (priority plus the time
/// it has waited for this account, in units of <see cref="WorkChoiceOptions.AgingActions"/> action intervals). So a
/// higher priority goes first and gets most of the account, and a lower one still advances. Ties go to the campaign
/// that waited longer, then by id.
/// </summary>
public sealed class WorkChooser
{
    private readonly PacingPolicy _policy;
    private readonly WorkChoiceOptions _options;

    /// <summary>Creates the chooser.</summary>
    public WorkChooser(PacingPolicy policy, WorkChoiceOptions? options = null)
    {
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        _options = options ?? new WorkChoiceOptions();
        if (!(_options.AgingActions > 0))
        {
            throw new ArgumentException("Herald:Work:AgingActions must be positive.", nameof(options));
        }
    }

    /// <summary>
    /// What the account does now: <see cref="WorkChoice.Act"/> (then call the platform, and
    /// <see cref="PacingPolicy.Record"/> with the same campaign id), <see cref="WorkChoice.Wait"/> with the time to tick
    /// again, or <see cref="WorkChoice.Idle"/> when no candidate has work.
    /// </summary>
    public WorkChoice Choose(AccountState state, AccountLimits limits, IReadOnlyList<CampaignCandidate> candidates, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(candidates);
        CampaignCandidate? best = null;
        var bestKind = default(Domain.ActionKind);
        var bestScore = double.NegativeInfinity;
        var bestSince = DateTimeOffset.MaxValue;
        var earliest = DateTimeOffset.MaxValue;
        var earliestReason = PacingReason.None;
        var any = false;

        foreach (var candidate in candidates)
        {
            foreach (var kind in candidate.RunnableActions)
            {
                any = true;
                var action = new PacedAction(kind, candidate.CampaignId, candidate.MayContainLinks);
                var decision = _policy.Decide(state, limits, action, candidate.Schedule, now);
                if (!decision.MayAct)
                {
                    if (decision.EarliestAt < earliest || (decision.EarliestAt == earliest && earliestReason == PacingReason.None))
                    {
                        (earliest, earliestReason) = (decision.EarliestAt, decision.Reason);
                    }

                    continue;
                }

                var since = state.LastServedAt(candidate.CampaignId) is { } served && served > candidate.RunnableSince
                    ? served
                    : candidate.RunnableSince;
                var unit = _policy.ExpectedInterval(state, limits, kind, candidate.Schedule, now) * _options.AgingActions;
                var waited = now > since ? now - since : TimeSpan.Zero;
                var score = candidate.Priority + (waited / (unit > TimeSpan.Zero ? unit : TimeSpan.FromSeconds(1)));
                if (score > bestScore
                    || (score == bestScore && since < bestSince)
                    || (score == bestScore && since == bestSince && string.CompareOrdinal(candidate.CampaignId, best!.CampaignId) < 0))
                {
                    (best, bestKind, bestScore, bestSince) = (candidate, kind, score, since);
                }

                break; // the first allowed kind is the campaign's next action
            }
        }

        return best is not null ? WorkChoice.Act(best.CampaignId, bestKind, now)
            : any ? WorkChoice.Wait(earliest, earliestReason)
            : WorkChoice.Idle;
    }
}
