using Herald.Core.Domain;
using Herald.Core.Limits;
using Herald.Core.Outcomes;
using Herald.Core.Pacing;
using Herald.Core.Work;

namespace Herald.Testing.Simulation;

public sealed partial class CampaignSimulation
{
    private enum EventType
    {
        Tick,
        Retry,
        Probe,
    }

    private static SimOutcome Classify(ActionOutcome outcome) => outcome switch
    {
        ActionOutcome.Done => SimOutcome.Done,
        ActionOutcome.RateLimited => SimOutcome.RateLimited,
        ActionOutcome.PrivacyRestricted => SimOutcome.PrivacyRestricted,
        ActionOutcome.AccountBlocked => SimOutcome.AccountBlocked,
        ActionOutcome.RecipientGone => SimOutcome.RecipientGone,
        _ => SimOutcome.Transient,
    };

    private void Probe(DateTimeOffset now)
    {
        foreach (var campaign in _campaigns)
        {
            if (campaign.Result.CompletedAt is not null || campaign.QueuedKinds().ToList() is not { Count: > 0 } kinds)
            {
                continue;
            }

            var accounts = _accounts
                .Where(a => a.JoinAt <= now && a.Campaigns.Contains(campaign))
                .Select(a => new CampaignAccount(a.State, a.Limits))
                .ToList();
            var readiness = _view.Evaluate(accounts, campaign.Spec.Schedule, kinds, now, campaign.Spec.MessageHasLinks);
            _result.Probes.Add(new SimProbe(campaign.Index, now, kinds, readiness));
        }

        if (now + _scenario.ProbeInterval!.Value <= _scenario.Start + _scenario.Duration)
        {
            Push(EventType.Probe, 0, (now + _scenario.ProbeInterval.Value).UtcTicks);
        }
    }

    private void TrackPassOver(Account account, WorkChoice choice, DateTimeOffset now)
    {
        if (!choice.IsAct)
        {
            return;
        }

        foreach (var candidate in _candidates)
        {
            var key = (account.Index, _campaigns.First(c => c.Spec.Id == candidate.CampaignId).Index);
            if (candidate.CampaignId == choice.CampaignId)
            {
                _passOver[key] = 0;
                continue;
            }

            var allowed = candidate.RunnableActions.Any(kind => _policy.Decide(
                account.State, account.Limits, new PacedAction(kind, candidate.CampaignId, candidate.MayContainLinks), candidate.Schedule, now).MayAct);
            if (allowed)
            {
                _passOver[key] = _passOver.GetValueOrDefault(key) + 1;
            }
        }
    }

    // The daily cap in force (with warm-up) integrated hour by hour from joining until blocked or the end.
    private double Capacity(Account account, DateTimeOffset endedAt)
    {
        var to = account.Result.BlockedAt is { } blocked && blocked < endedAt ? blocked : endedAt;
        var total = 0.0;
        foreach (var campaign in account.Campaigns)
        {
            var kind = campaign.Spec.Actions[0];
            var key = campaign.Spec.MessageHasLinks && kind is ActionKind.PersonalMessage or ActionKind.BotMessage
                ? CounterKey.MessageWithLinks
                : (CounterKey)kind;
            if (account.Limits.DailyCap(key) is null)
            {
                continue;
            }

            for (var t = account.JoinAt; t < to; t += TimeSpan.FromHours(1))
            {
                var hours = Math.Min(1.0, (to - t).TotalHours);
                var age = account.State.WarmupStartedAt is { } w ? t - w : (TimeSpan?)null;
                total += account.Limits.EffectiveDailyCap(key, age)!.Value * hours / 24.0;
            }

            break; // capacity counts each account once, for the first campaign it serves
        }

        return total;
    }

    private readonly record struct Event(EventType Type, int Index);

    private readonly record struct Target(int Recipient, int Step, bool Fallback, int Attempts);

    private sealed record PendingAction(Campaign Campaign, Target Target, ActionKind Kind, ActionOutcome Outcome);

    private sealed class Account
    {
        public Account(SimAccountSpec spec, int index, SimulationScenario scenario, PlatformLimits limits, Campaign[] campaigns)
        {
            Spec = spec;
            Index = index;
            JoinAt = scenario.Start + spec.JoinAfter;
            Limits = limits.For(spec.Platform, spec.Kind, spec.Overrides);
            State = new AccountState
            {
                JitterSeed = (long)StableHash.Of(spec.Id) ^ scenario.Seed,
                WarmupStartedAt = spec.Warmup ? JoinAt : null,
            };
            Campaigns = [.. campaigns.Where(c => c.Spec.AccountIds is null || c.Spec.AccountIds.Contains(spec.Id))];
            Result = new SimAccountResult { Id = spec.Id };
        }

        public SimAccountSpec Spec { get; }

        public int Index { get; }

        public DateTimeOffset JoinAt { get; }

        public AccountLimits Limits { get; }

        public AccountState State { get; set; }

        public Campaign[] Campaigns { get; }

        public SimAccountResult Result { get; }

        public bool Joined { get; set; }

        public PendingAction? Pending { get; set; }
    }

    private sealed class Campaign
    {
        private readonly Queue<Target>[] _queues = [.. Enumerable.Range(0, 4).Select(_ => new Queue<Target>())];
        private readonly ActionKind[] _order;
        private readonly DateTimeOffset _runnableSince;
        private CampaignCandidate? _candidate;
        private int _candidateMask = -1;

        public Campaign(SimCampaignSpec spec, int index, DateTimeOffset start)
        {
            Spec = spec;
            Index = index;
            _runnableSince = spec.Schedule.StartAt is { } s && s > start ? s : start;
            // Later steps first, so recipients already started are finished; fallback messages with the messages.
            _order = [.. spec.Actions.Reverse().Concat(spec.FallbackToMessage ? [ActionKind.PersonalMessage] : []).Distinct()];
            for (var i = 0; i < spec.Recipients; i++)
            {
                _queues[(int)spec.Actions[0]].Enqueue(new Target(i, 0, false, 0));
            }

            Result = new SimCampaignResult { Id = spec.Id, Total = spec.Recipients };
        }

        public SimCampaignSpec Spec { get; }

        public int Index { get; }

        public SimCampaignResult Result { get; }

        public PriorityQueue<Target, long> Retries { get; } = new();

        public int InFlight { get; set; }

        public string ChatOf(int recipient) => Spec.ToGroups ? $"g{Index}:{recipient / 10}" : $"u{Index}:{recipient}";

        public IEnumerable<ActionKind> QueuedKinds() => _order.Where(k => _queues[(int)k].Count > 0);

        public CampaignCandidate? Candidate()
        {
            var mask = 0;
            foreach (var kind in _order)
            {
                mask |= _queues[(int)kind].Count > 0 ? 1 << (int)kind : 0;
            }

            if (mask != _candidateMask)
            {
                _candidateMask = mask;
                _candidate = mask == 0 ? null : new CampaignCandidate(
                    Spec.Id, Spec.Priority, _runnableSince, [.. QueuedKinds()], Spec.Schedule, Spec.MessageHasLinks);
            }

            return _candidate;
        }

        public Target Take(ActionKind kind)
        {
            InFlight++;
            return _queues[(int)kind].Dequeue();
        }

        public void Put(Target target)
        {
            var kind = target.Fallback ? ActionKind.PersonalMessage : Spec.Actions[target.Step];
            _queues[(int)kind].Enqueue(target);
        }
    }
}
