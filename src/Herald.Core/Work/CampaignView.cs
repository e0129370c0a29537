using Herald.Core.Domain;
using Herald.Core.Limits;
using Herald.Core.Pacing;

namespace Herald.Core.Work;

/// <summary>One account as a campaign sees it.</summary>
/// <param name="State">The account's state.</param>
/// <param name="Limits">The account's limits.</param>
public readonly record struct CampaignAccount(AccountState State, AccountLimits Limits);

/// <summary>
/// The campaign's view of its accounts (R20): running, or waiting (every account resting) and until when.
/// </summary>
public sealed class CampaignView
{
    private readonly PacingPolicy _policy;

    /// <summary>Creates the view.</summary>
    public CampaignView(PacingPolicy policy) => _policy = policy ?? throw new ArgumentNullException(nameof(policy));

    /// <summary>
    /// Evaluates a campaign whose next actions are <paramref name="actions"/> over <paramref name="accounts"/> at
    /// <paramref name="now"/>. Adding an account (a fresh state) makes a waiting campaign running at once.
    /// </summary>
    public CampaignReadiness Evaluate(
        IEnumerable<CampaignAccount> accounts,
        CampaignSchedule schedule,
        IReadOnlyCollection<ActionKind> actions,
        DateTimeOffset now,
        bool mayContainLinks = false)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(actions);
        int available = 0, resting = 0, blocked = 0;
        var resumeAt = DateTimeOffset.MaxValue;
        foreach (var (state, limits) in accounts)
        {
            if (state.IsBlocked)
            {
                blocked++;
                continue;
            }

            var own = false;
            foreach (var kind in actions)
            {
                var action = new PacedAction(kind, HasLinks: mayContainLinks);
                own |= _policy.Decide(state, limits, action, CampaignSchedule.Always, now).IsPacing;
                var at = _policy.Decide(state, limits, action, schedule, now).EarliestAt;
                resumeAt = at < resumeAt ? at : resumeAt;
            }

            if (own)
            {
                available++;
            }
            else
            {
                resting++;
            }
        }

        DateTimeOffset? resume = resumeAt == DateTimeOffset.MaxValue ? null : resumeAt;
        if (!schedule.IsOpen(now))
        {
            var state = schedule.StartAt is { } start && start > now ? CampaignRunState.NotStarted : CampaignRunState.OutsideWindow;
            return new CampaignReadiness(state, resume, available, resting, blocked);
        }

        return available > 0
            ? new CampaignReadiness(CampaignRunState.Running, null, available, resting, blocked)
            : new CampaignReadiness(CampaignRunState.Waiting, resume, available, resting, blocked);
    }
}
