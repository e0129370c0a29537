using Herald.Core.Domain;
using Herald.Core.Limits;
using Herald.Core.Outcomes;
using Herald.Core.Pacing;
using Herald.Core.Work;

namespace Herald.Testing.Simulation;

/// <summary>
/// Runs whole campaigns through Herald's pure core in virtual time: an event queue of account ticks (each account
/// acts, then sleeps until the pacing policy lets it act again), a shared pending pool per campaign (so a blocked
/// account's work flows to the others), the engine's outcome rules (requeue, retry, privacy fallback), and the
/// scripted <see cref="SimPlatform"/>. Every action is checked by <see cref="SimulationChecker"/>. Days of pacing for
/// thousands of accounts take seconds. Used by the core's tests and by <c>bench simulate</c>.
/// </summary>
public sealed partial class CampaignSimulation
{
    private readonly SimulationScenario _scenario;
    private readonly PacingPolicy _policy;
    private readonly WorkChooser _chooser;
    private readonly CampaignView _view;
    private readonly SimPlatform _platform;
    private readonly SimulationChecker _checker = new();
    private readonly PriorityQueue<Event, (long Ticks, long Seq)> _events = new();
    private readonly Account[] _accounts;
    private readonly Campaign[] _campaigns;
    private readonly List<int> _idle = [];
    private readonly List<CampaignCandidate> _candidates = [];
    private readonly Dictionary<(int, int), int> _passOver = [];
    private readonly SimulationResult _result;
    private readonly long _endTicks;
    private long _seq;
    private long _current;
    private int _unfinished;

    private CampaignSimulation(SimulationScenario scenario, PlatformLimits limits, PacingOptions? pacing, WorkChoiceOptions? work)
    {
        _scenario = scenario;
        _policy = new PacingPolicy(pacing);
        _chooser = new WorkChooser(_policy, work);
        _view = new CampaignView(_policy);
        _platform = new SimPlatform(scenario.Platform, scenario.Seed);
        _endTicks = (scenario.Start + scenario.Duration).UtcTicks;
        _campaigns = [.. scenario.Campaigns.Select((c, i) => new Campaign(c, i, scenario.Start))];
        _accounts = [.. scenario.Accounts.Select((a, i) => new Account(a, i, scenario, limits, _campaigns))];
        _unfinished = _campaigns.Count(c => c.Spec.Recipients > 0);
        _result = new SimulationResult
        {
            Campaigns = [.. _campaigns.Select(c => c.Result)],
            Accounts = [.. _accounts.Select(a => a.Result)],
            Violations = _checker.Messages,
        };
    }

    /// <summary>Runs <paramref name="scenario"/> with the given limits (default: the documented ones) and options.</summary>
    public static SimulationResult Run(SimulationScenario scenario, PlatformLimits? limits = null, PacingOptions? pacing = null, WorkChoiceOptions? work = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return new CampaignSimulation(scenario, limits ?? PlatformLimits.Default, pacing, work).Execute();
    }

    private SimulationResult Execute()
    {
        foreach (var account in _accounts)
        {
            Push(EventType.Tick, account.Index, account.JoinAt.UtcTicks);
        }

        if (_scenario.ProbeInterval is not null)
        {
            Push(EventType.Probe, 0, _scenario.Start.UtcTicks);
        }

        var endedAt = _scenario.Start + _scenario.Duration;
        while (_unfinished > 0 && _events.TryDequeue(out var e, out var at))
        {
            if (at.Ticks > _endTicks)
            {
                break;
            }

            _current = at.Ticks;
            var now = new DateTimeOffset(at.Ticks, TimeSpan.Zero);
            _result.Events++;
            switch (e.Type)
            {
                case EventType.Tick:
                    Tick(_accounts[e.Index], now);
                    break;
                case EventType.Retry:
                    PromoteRetries(_campaigns[e.Index], now);
                    break;
                case EventType.Probe:
                    Probe(now);
                    break;
            }
        }

        if (_unfinished == 0)
        {
            endedAt = _campaigns.Max(c => c.Result.CompletedAt ?? _scenario.Start);
        }

        _result.EndedAt = endedAt;
        _result.ViolationCount = _checker.Count;
        _result.Capacity = _accounts.Sum(a => Capacity(a, endedAt));
        _result.MaxPassOver = _passOver.Count == 0 ? 0 : _passOver.Values.Max();
        return _result;
    }

    private void Tick(Account account, DateTimeOffset now)
    {
        account.Joined = true;
        if (account.Pending is { } pending)
        {
            account.Pending = null;
            Complete(pending, now);
        }

        if (account.State.IsBlocked)
        {
            return;
        }

        _candidates.Clear();
        foreach (var campaign in account.Campaigns)
        {
            if (campaign.Candidate() is { } candidate)
            {
                _candidates.Add(candidate);
            }
        }

        if (_candidates.Count == 0)
        {
            _idle.Add(account.Index);
            return;
        }

        var choice = _chooser.Choose(account.State, account.Limits, _candidates, now);
        if (_scenario.TrackStarvation)
        {
            TrackPassOver(account, choice, now);
        }

        if (choice.IsAct)
        {
            Act(account, _campaigns.First(c => c.Spec.Id == choice.CampaignId), choice.Action!.Value, now);
        }
        else if (choice.NextAt is { } next && next != DateTimeOffset.MaxValue)
        {
            Push(EventType.Tick, account.Index, next.UtcTicks);
        }
        else
        {
            _idle.Add(account.Index);
        }
    }

    private void Act(Account account, Campaign campaign, ActionKind kind, DateTimeOffset now)
    {
        var target = campaign.Take(kind);
        account.Result.Attempts++;
        var attempt = account.Result.Attempts;
        var outcome = _platform.Answer(account.Spec, account.Index, attempt, campaign.Index, target.Recipient, kind);
        var (min, max) = account.Spec.Kind == AccountKind.Bot ? _scenario.BotLatency : _scenario.UserLatency;
        var end = now + min + ((max - min) * _platform.Draw(((long)account.Index << 32) | (uint)attempt, 21));
        var hasLinks = campaign.Spec.MessageHasLinks && kind is ActionKind.PersonalMessage or ActionKind.BotMessage;
        var chat = account.Spec.Kind == AccountKind.Bot ? campaign.ChatOf(target.Recipient) : null;
        var simOutcome = Classify(outcome);
        var retryAfter = outcome is ActionOutcome.RateLimited r ? r.RetryAfter : TimeSpan.Zero;

        _checker.OnAction(account.Index, account.Spec.Id, account.Limits, account.State.WarmupStartedAt, campaign.Spec.Schedule,
            kind, hasLinks, now, end, simOutcome, retryAfter);
        if (_scenario.KeepLog)
        {
            _result.Log.Add(new SimAction(account.Index, campaign.Index, target.Recipient, kind, target.Fallback, now, end, simOutcome));
        }

        account.State = _policy.Record(account.State, account.Limits,
            new PacedAction(kind, campaign.Spec.Id, hasLinks, chat, campaign.Spec.ToGroups), outcome, end);
        _result.Actions++;
        campaign.Result.Actions++;
        if (kind == campaign.Spec.Actions[0] && !target.Fallback)
        {
            _result.PrimaryActions++;
        }

        var accountResult = account.Result;
        if (outcome is ActionOutcome.RateLimited)
        {
            accountResult.LastCooldownUntil = end + retryAfter;
        }
        else if (accountResult.LastCooldownUntil is { } rested && now >= rested)
        {
            accountResult.AttemptsAfterCooldown++;
        }

        if (outcome is ActionOutcome.AccountBlocked)
        {
            accountResult.BlockedAt = end;
        }

        account.Pending = new PendingAction(campaign, target, kind, outcome);
        Push(EventType.Tick, account.Index, end.UtcTicks);
    }

    private void Complete(PendingAction pending, DateTimeOffset now)
    {
        var (campaign, target, kind, outcome) = pending;
        campaign.InFlight--;
        var next = OutcomeRules.NextStep(kind, outcome, campaign.Spec.FallbackToMessage, target.Fallback, target.Attempts + 1);
        switch (next.Next)
        {
            case TargetNext.Done when !target.Fallback && target.Step + 1 < campaign.Spec.Actions.Count:
                Enqueue(campaign, target with { Step = target.Step + 1, Attempts = 0 });
                break;
            case TargetNext.Done:
                campaign.Result.Done[next.Done!.Value] = campaign.Result.Done.GetValueOrDefault(next.Done!.Value) + 1;
                Finish(campaign, now);
                break;
            case TargetNext.Requeue:
                Enqueue(campaign, target);
                break;
            case TargetNext.Retry:
                var due = (now + next.RetryAfter!.Value).UtcTicks;
                campaign.Retries.Enqueue(target with { Attempts = target.Attempts + 1 }, due);
                Push(EventType.Retry, campaign.Index, due);
                break;
            case TargetNext.Fallback:
                Enqueue(campaign, target with { Fallback = true, Attempts = 0 });
                break;
            default:
                campaign.Result.Failed++;
                Finish(campaign, now);
                break;
        }

    }

    private void Finish(Campaign campaign, DateTimeOffset now)
    {
        if (campaign.Result.Remaining == 0 && campaign.Result.CompletedAt is null)
        {
            campaign.Result.CompletedAt = now;
            _unfinished--;
        }
    }

    private void Enqueue(Campaign campaign, Target target)
    {
        campaign.Put(target);
        WakeIdle();
    }

    private void PromoteRetries(Campaign campaign, DateTimeOffset now)
    {
        var promoted = false;
        while (campaign.Retries.TryPeek(out var target, out var due) && due <= now.UtcTicks)
        {
            campaign.Retries.Dequeue();
            campaign.Put(target);
            promoted = true;
        }

        if (promoted)
        {
            WakeIdle();
        }
    }

    private void WakeIdle()
    {
        // Idle accounts wake at the time of the event being processed.
        foreach (var index in _idle)
        {
            Push(EventType.Tick, index, _current);
        }

        _idle.Clear();
    }

    private void Push(EventType type, int index, long ticks)
    {
        if (type != EventType.Tick || ticks <= _endTicks)
        {
            // At one instant probes observe first, then retries return, then accounts act.
            var order = type switch { EventType.Probe => 0L, EventType.Retry => 1L, _ => 2L };
            _events.Enqueue(new Event(type, index), (Math.Max(ticks, _current), (order << 56) | _seq++));
        }
    }
}
