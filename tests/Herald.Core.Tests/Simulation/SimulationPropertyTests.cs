using FsCheck;
using FsCheck.Fluent;
using Herald.Core.Work;
using Herald.Testing.Simulation;
using Xunit.Abstractions;

namespace Herald.Core.Tests.Simulation;

public sealed class SimulationPropertyTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Start = Times.Utc(2026, 3, 26, 0);

    private static readonly CampaignSchedule[] Schedules =
    [
        CampaignSchedule.Always,
        new(Window: new TimeWindow(new TimeOnly(9, 0), new TimeOnly(18, 0), "Europe/Berlin")),
        new(Window: new TimeWindow(new TimeOnly(22, 0), new TimeOnly(6, 0), "America/New_York")),
        new(StartAt: Start.AddHours(7), Window: new TimeWindow(new TimeOnly(2, 30), new TimeOnly(11, 0), "Europe/Berlin")),
        new(Window: new TimeWindow(new TimeOnly(10, 0), new TimeOnly(16, 0), "Asia/Tokyo", [DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Sunday])),
    ];

    private static Gen<SimAccountSpec> AccountGen(int index) =>
        from fate in Gen.Choose(0, 5)
        from attempt in Gen.Choose(1, 40)
        from wait in Gen.Choose(10, 6 * 3600)
        from joinHours in Gen.Choose(0, 36)
        from overrideCap in Gen.Elements<int?>(null, null, 3, 20)
        select new SimAccountSpec($"acc-{index}")
        {
            BlockAtAttempt = fate == 1 ? attempt : null,
            FloodWaitAtAttempt = fate == 2 ? attempt : null,
            FloodWaitFor = TimeSpan.FromSeconds(wait),
            JoinAfter = fate == 3 ? TimeSpan.FromHours(joinHours) : TimeSpan.Zero,
            Warmup = fate is 3 or 4,
            Overrides = overrideCap is { } cap ? new LimitOverrides(InvitesPerDay: cap, MessagesPerDay: cap) : null,
        };

    private static Gen<SimCampaignSpec> CampaignGen(int index) =>
        from kinds in Gen.Elements<ActionKind[]>([ActionKind.Invite], [ActionKind.PersonalMessage], [ActionKind.AddContact, ActionKind.PersonalMessage])
        from recipients in Gen.Choose(5, 250)
        from priority in Gen.Choose(0, 3)
        from schedule in Gen.Elements(Schedules)
        from fallback in Gen.Elements(true, false)
        from links in Gen.Elements(true, false)
        select new SimCampaignSpec($"c{index}", kinds, recipients)
        {
            Priority = priority,
            Schedule = schedule,
            FallbackToMessage = fallback,
            MessageHasLinks = links,
        };

    private static readonly Gen<SimulationScenario> ScenarioGen =
        from accountCount in Gen.Choose(1, 6)
        from accounts in Gen.CollectToArray(Enumerable.Range(0, accountCount).Select(AccountGen))
        from campaignCount in Gen.Choose(1, 3)
        from campaigns in Gen.CollectToArray(Enumerable.Range(0, campaignCount).Select(CampaignGen))
        from privacy in Gen.Elements(0.0, 0.2)
        from gone in Gen.Elements(0.0, 0.05)
        from flood in Gen.Elements(0.0, 0.01, 0.05)
        from transient in Gen.Elements(0.0, 0.02)
        from days in Gen.Choose(1, 4)
        from seed in Gen.Choose(1, 1_000_000)
        select new SimulationScenario
        {
            Start = Start,
            Duration = TimeSpan.FromDays(days),
            Accounts = accounts,
            Campaigns = campaigns,
            Platform = new SimPlatformScript { PrivacyRestrictedShare = privacy, RecipientGoneShare = gone, FloodWaitShare = flood, TransientShare = transient },
            Seed = seed,
            ProbeInterval = TimeSpan.FromMinutes(20),
            KeepLog = true,
            TrackStarvation = true,
        };

    [Fact(Timeout = 120_000)]
    public Task Run_AnyScenario_LimitsHoldWaitingIsTrueAndNothingStarves() => Bounded.Run(() =>
    {
        var runs = 0;
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(150), Prop.ForAll(ScenarioGen.ToArbitrary(), scenario =>
        {
            runs++;
            var result = CampaignSimulation.Run(scenario);
            var problems = Problems(scenario, result);
            if (problems.Count > 0)
            {
                output.WriteLine(string.Join(Environment.NewLine, problems));
            }

            return problems.Count == 0;
        }));
        output.WriteLine($"{runs} scenarios");
    });

    internal static List<string> Problems(SimulationScenario scenario, SimulationResult result)
    {
        var problems = new List<string>(result.Violations.Take(3));

        // Waiting means waiting: the campaign does not act (for the kinds it waited for) before the announced resume,
        // unless something changed in between: an account joined, or acted for other work (its pace may recover).
        foreach (var probe in result.Probes.Where(p => p.Readiness.State != CampaignRunState.Running && p.Readiness.ResumeAt is not null))
        {
            var resume = probe.Readiness.ResumeAt!.Value;
            var early = result.Log.FirstOrDefault(a => a.Campaign == probe.Campaign && probe.Kinds.Contains(a.Kind) && a.Start >= probe.At && a.Start < resume);
            var joined = scenario.Accounts.Any(a => scenario.Start + a.JoinAfter >= probe.At && scenario.Start + a.JoinAfter < resume);
            if (early != default && !joined && !result.Log.Any(a => a.Start >= probe.At && a.Start < early.Start))
            {
                problems.Add($"campaign {probe.Campaign} acted at {early.Start:O}, before its announced resume {resume:O} (probe {probe.At:O})");
            }
        }

        // No runnable campaign starves: an account passes over an allowed campaign only a bounded number of times
        // (aging adds a priority level per three action intervals of the kind; an account alternating between kinds
        // acts more often than that, hence the factor for the kinds in play).
        var spread = scenario.Campaigns.Max(c => c.Priority) - scenario.Campaigns.Min(c => c.Priority);
        var kinds = scenario.Campaigns.Sum(c => c.Actions.Count + (c.FallbackToMessage ? 1 : 0));
        if (result.MaxPassOver > ((spread * 3) + 3) * kinds)
        {
            problems.Add($"an account passed over an allowed campaign {result.MaxPassOver} times in a row (priority spread {spread})");
        }

        // A lone campaign served by an account that is never blocked and joins while the window opens in time gets work done.
        var end = scenario.Start + scenario.Duration - TimeSpan.FromHours(1);
        var usable = scenario.Accounts.Any(a => a.BlockAtAttempt is null
            && scenario.Campaigns[0].Schedule.NextOpen(scenario.Start + a.JoinAfter) < end);
        if (scenario.Campaigns.Count == 1 && usable && result.Campaigns[0].Actions == 0)
        {
            problems.Add("the campaign never advanced");
        }

        return problems;
    }
}
