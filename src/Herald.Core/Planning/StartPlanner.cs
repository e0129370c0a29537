using System.Globalization;
using Herald.Core.Domain;
using Herald.Core.Limits;
using Herald.Core.Pacing;

namespace Herald.Core.Planning;

/// <summary>
/// Plans a campaign's speed at start (R17) from its accounts' limits, states and the list size: expected actions
/// per hour, each account's share, the finish time, and a warning when the list cannot finish in time. The finish
/// time walks forward hour by hour through the window, cooldowns and warm-up ramps; it is an estimate (rate-limit
/// signals and blocks during the run slow it down).
/// </summary>
public sealed class StartPlanner
{
    private static readonly TimeSpan Step = TimeSpan.FromHours(1);
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(366);
    private readonly PacingPolicy _policy;

    /// <summary>Creates the planner.</summary>
    public StartPlanner(PacingPolicy policy) => _policy = policy ?? throw new ArgumentNullException(nameof(policy));

    /// <summary>Plans <paramref name="request"/> as of <paramref name="now"/>.</summary>
    public StartPlan Plan(StartPlanRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegative(request.Recipients);
        if (request.Actions.Count == 0)
        {
            throw new ArgumentException("A campaign needs at least one action.", nameof(request));
        }

        var start = request.Schedule.StartAt is { } s && s > now ? s : now;
        var perDay = request.Accounts.Select(a => RecipientsPerDay(a, request, start)).ToArray();
        var total = perDay.Sum();
        var shares = request.Accounts.Select((a, i) => new AccountShare(
            a.AccountId,
            _policy.GetStatus(a.State, a.Limits, now).Status,
            perDay[i],
            total > 0 ? perDay[i] / total : 0,
            total > 0 ? (int)Math.Round(request.Recipients * perDay[i] / total) : 0)).ToList();

        var actionsPerDay = total * request.Actions.Count;
        var openHours = request.Schedule.OpenPerDay.TotalHours;
        var eta = request.Recipients == 0 ? start : EstimateFinish(request, start);
        var fits = request.FinishBy is not { } deadline || (eta is { } e && e <= deadline);
        return new StartPlan(actionsPerDay / openHours, actionsPerDay, shares, eta, fits, Warn(request, eta, fits, total, start));
    }

    private static double RecipientsPerDay(PlanAccount account, StartPlanRequest request, DateTimeOffset at)
    {
        var (state, limits) = (account.State, account.Limits);
        if (state.IsBlocked)
        {
            return 0;
        }

        var perDay = double.PositiveInfinity;
        var interval = TimeSpan.Zero;
        foreach (var kind in request.Actions)
        {
            perDay = Math.Min(perDay, CapPerDay(state, limits, (CounterKey)kind, at));
            if (request.MessageHasLinks && kind is ActionKind.PersonalMessage or ActionKind.BotMessage)
            {
                perDay = Math.Min(perDay, CapPerDay(state, limits, CounterKey.MessageWithLinks, at));
            }

            interval += PauseOnly(state, limits);
        }

        var byPause = interval > TimeSpan.Zero ? request.Schedule.OpenPerDay / interval : double.PositiveInfinity;
        return Math.Min(perDay, byPause);
    }

    private static TimeSpan PauseOnly(AccountState state, AccountLimits limits)
    {
        var pause = (limits.MinPause + limits.MaxPause) / 2;
        if (limits.Kind == AccountKind.Bot && limits.RequestsPerSecond is { } perSecond)
        {
            pause = TimeSpan.FromSeconds(1.0 / perSecond);
        }

        return pause * Math.Max(1.0, state.PaceFactor);
    }

    private static double CapPerDay(AccountState state, AccountLimits limits, CounterKey key, DateTimeOffset at) =>
        limits.EffectiveDailyCap(key, state.AgeAt(at)) is { } cap ? cap : double.PositiveInfinity;

    private DateTimeOffset? EstimateFinish(StartPlanRequest request, DateTimeOffset start)
    {
        var remaining = (double)request.Recipients;
        var openPerStep = Step / request.Schedule.OpenPerDay;
        for (var t = start; t < start + Horizon; t += Step)
        {
            if (!request.Schedule.IsOpen(t))
            {
                continue;
            }

            var rate = 0.0;
            foreach (var account in request.Accounts)
            {
                if (account.State.CooldownUntil is { } until && until > t)
                {
                    continue;
                }

                rate += RecipientsPerDay(account, request, t) * openPerStep;
            }

            if (rate >= remaining - 1e-9)
            {
                return t + (Step * (remaining / rate));
            }

            remaining -= rate;
        }

        return null;
    }

    private static string? Warn(StartPlanRequest request, DateTimeOffset? eta, bool fits, double perDay, DateTimeOffset start)
    {
        if (request.Recipients == 0)
        {
            return null;
        }

        if (perDay <= 0 && request.Accounts.All(a => a.State.IsBlocked))
        {
            return request.Accounts.Count == 0
                ? "No accounts are assigned: the campaign cannot start until one is added."
                : "Every account is blocked: the campaign cannot make progress until an account is added or unblocked.";
        }

        if (eta is null)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"The list of {request.Recipients} recipients cannot finish within a year at the accounts' limits (about {perDay:0.#} recipients per open day); add accounts or split the list.");
        }

        if (!fits)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"The list of {request.Recipients} recipients cannot finish by {request.FinishBy:u} within the accounts' limits (about {perDay:0.#} recipients per open day from {start:u}); expected finish {eta:u}. Add accounts, widen the time window or move the deadline.");
        }

        return null;
    }
}
