using Herald.Core.Work;
using Herald.Testing.Simulation;
using Xunit.Abstractions;

namespace Herald.Core.Tests.Simulation;

public sealed class SimulationScenarioTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Start = Times.Utc(2026, 1, 5, 0);

    private static SimAccountSpec[] Users(int count, string prefix = "acc") =>
        [.. Enumerable.Range(0, count).Select(i => new SimAccountSpec($"{prefix}-{i}"))];

    private SimulationResult Run(SimulationScenario scenario)
    {
        var result = CampaignSimulation.Run(scenario);
        output.WriteLine($"actions {result.Actions}, events {result.Events}, ended {result.EndedAt:u}, share {result.CapacityShare:0.000}, violations {result.ViolationCount}");
        foreach (var violation in result.Violations.Take(10))
        {
            output.WriteLine(violation);
        }

        return result;
    }

    [Fact(Timeout = 60_000)]
    public Task Run_OneCampaign_FinishesWithinLimitsAtFullSpeed() => Bounded.Run(() =>
    {
        var result = Run(new SimulationScenario
        {
            Start = Start,
            Duration = TimeSpan.FromDays(5),
            Accounts = Users(5),
            Campaigns = [new SimCampaignSpec("c", [ActionKind.Invite], 500)],
        });

        Assert.Equal(0, result.ViolationCount);
        Assert.Equal(500, result.Campaigns[0].Done[DoneKind.Invited]);
        Assert.InRange(result.EndedAt - Start, TimeSpan.FromDays(1.8), TimeSpan.FromDays(2.1));
        Assert.True(result.CapacityShare > 0.95, $"share {result.CapacityShare}");
    });

    [Fact(Timeout = 60_000)]
    public Task Run_BlockedAccount_OthersFinishItsWork() => Bounded.Run(() =>
    {
        var accounts = Users(3);
        accounts[0] = accounts[0] with { BlockAtAttempt = 5 };

        var result = Run(new SimulationScenario
        {
            Start = Start,
            Duration = TimeSpan.FromDays(4),
            Accounts = accounts,
            Campaigns = [new SimCampaignSpec("c", [ActionKind.Invite], 200)],
            KeepLog = true,
        });

        Assert.Equal(0, result.ViolationCount);
        Assert.Equal(0, result.Campaigns[0].Remaining);
        Assert.Equal(200, result.Campaigns[0].Done[DoneKind.Invited]);
        Assert.Equal(5, result.Accounts[0].Attempts);
        Assert.NotNull(result.Accounts[0].BlockedAt);
        Assert.DoesNotContain(result.Log, a => a.Account == 0 && a.Start >= result.Accounts[0].BlockedAt);
        Assert.Equal(196, result.Accounts[1].Attempts + result.Accounts[2].Attempts);
    });

    [Fact(Timeout = 60_000)]
    public Task Run_FloodWait_AccountRestsInFullThenGetsWorkBack() => Bounded.Run(() =>
    {
        var accounts = Users(2);
        accounts[0] = accounts[0] with { FloodWaitAtAttempt = 3, FloodWaitFor = TimeSpan.FromHours(2) };

        var result = Run(new SimulationScenario
        {
            Start = Start,
            Duration = TimeSpan.FromDays(3),
            Accounts = accounts,
            Campaigns = [new SimCampaignSpec("c", [ActionKind.Invite], 150)],
            KeepLog = true,
        });

        var flood = result.Log.Single(a => a.Outcome == SimOutcome.RateLimited);
        var next = result.Log.First(a => a.Account == 0 && a.Start > flood.Start);
        Assert.Equal(0, result.ViolationCount);
        Assert.True(next.Start >= flood.End + TimeSpan.FromHours(2), $"rested until {next.Start:u}");
        Assert.True(result.Accounts[0].AttemptsAfterCooldown > 10);
        Assert.Equal(0, result.Campaigns[0].Remaining);
    });

    [Fact(Timeout = 60_000)]
    public Task Run_AllAccountsRest_WaitingWithResumeTimeThenResumesByItself() => Bounded.Run(() =>
    {
        var accounts = Users(2).Select(a => a with { FloodWaitAtAttempt = 2, FloodWaitFor = TimeSpan.FromHours(3) }).ToArray();

        var result = Run(new SimulationScenario
        {
            Start = Start,
            Duration = TimeSpan.FromDays(3),
            Accounts = accounts,
            Campaigns = [new SimCampaignSpec("c", [ActionKind.Invite], 60)],
            ProbeInterval = TimeSpan.FromMinutes(10),
            KeepLog = true,
        });

        var waiting = result.Probes.Where(p => p.Readiness.State == CampaignRunState.Waiting).ToList();
        Assert.NotEmpty(waiting);
        foreach (var probe in waiting)
        {
            var resumeAt = probe.Readiness.ResumeAt!.Value;
            var next = result.Log.First(a => a.Start >= probe.At);
            Assert.True(next.Start >= resumeAt, $"acted at {next.Start:O} before the announced resume {resumeAt:O}");
            Assert.True(next.Start - resumeAt < TimeSpan.FromSeconds(1), $"resumed at {next.Start:O}, announced {resumeAt:O}");
        }

        Assert.Equal(0, result.ViolationCount);
        Assert.Equal(0, result.Campaigns[0].Remaining);
    });

    [Fact(Timeout = 60_000)]
    public Task Run_AccountAddedWhileWaiting_ResumesAtOnce() => Bounded.Run(() =>
    {
        SimAccountSpec[] accounts =
        [
            new("old") { FloodWaitAtAttempt = 3, FloodWaitFor = TimeSpan.FromHours(20) },
            new("added") { JoinAfter = TimeSpan.FromHours(10), Warmup = true },
        ];

        var result = Run(new SimulationScenario
        {
            Start = Start,
            Duration = TimeSpan.FromDays(4),
            Accounts = accounts,
            Campaigns = [new SimCampaignSpec("c", [ActionKind.Invite], 30)],
            ProbeInterval = TimeSpan.FromMinutes(30),
            KeepLog = true,
        });

        var joinedAt = Start.AddHours(10);
        Assert.Contains(result.Probes, p => p.At < joinedAt && p.Readiness.State == CampaignRunState.Waiting && p.Readiness.ResumeAt > joinedAt);
        var first = result.Log.First(a => a.Start >= joinedAt);
        Assert.Equal((1, joinedAt), (first.Account, first.Start));
        Assert.Equal(0, result.ViolationCount);
        Assert.Equal(0, result.Campaigns[0].Remaining);
    });

    [Fact(Timeout = 60_000)]
    public Task Run_TwoPriorities_HighGetsMostLowStillAdvances() => Bounded.Run(() =>
    {
        var result = Run(new SimulationScenario
        {
            Start = Start,
            Duration = TimeSpan.FromDays(1),
            Accounts = Users(4),
            Campaigns =
            [
                new SimCampaignSpec("high", [ActionKind.Invite], 2000) { Priority = 2 },
                new SimCampaignSpec("low", [ActionKind.Invite], 2000),
            ],
            TrackStarvation = true,
        });

        var (high, low) = (result.Campaigns[0].Actions, result.Campaigns[1].Actions);
        output.WriteLine($"high {high}, low {low}, longest pass-over {result.MaxPassOver}");
        Assert.Equal(0, result.ViolationCount);
        Assert.True(low >= 10 && high > 3 * low, $"high {high}, low {low}");
        Assert.InRange(result.MaxPassOver, 0, 2 * 3 * 2);
    });

    [Fact(Timeout = 60_000)]
    public Task Run_WindowAcrossDstChanges_NoActionOutsideLocalHours() => Bounded.Run(() =>
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var schedule = new CampaignSchedule(Window: new TimeWindow(new TimeOnly(9, 0), new TimeOnly(17, 0), "Europe/Berlin"));
        foreach (var start in new[] { Times.Utc(2026, 3, 27, 0), Times.Utc(2026, 10, 23, 0) })
        {
            var result = Run(new SimulationScenario
            {
                Start = start,
                Duration = TimeSpan.FromDays(4),
                Accounts = Users(3),
                Campaigns = [new SimCampaignSpec("c", [ActionKind.Invite], 5000) { Schedule = schedule }],
                KeepLog = true,
            });

            Assert.Equal(0, result.ViolationCount);
            Assert.All(result.Log, a => Assert.InRange(TimeZoneInfo.ConvertTime(a.Start, berlin).TimeOfDay, TimeSpan.FromHours(9), TimeSpan.FromHours(17) - TimeSpan.FromTicks(1)));
            var days = result.Log.GroupBy(a => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(a.Start, berlin).DateTime)).ToList();
            Assert.Equal(4, days.Count);
            Assert.All(days, d => Assert.InRange(d.Count(), 100, 150));
        }
    });

    [Fact(Timeout = 60_000)]
    public Task Run_Bots_PerSecondAndPerGroupBudgetsHold() => Bounded.Run(() =>
    {
        var bots = new[] { new SimAccountSpec("bot-1") { Kind = AccountKind.Bot }, new SimAccountSpec("bot-2") { Kind = AccountKind.Bot } };

        var result = Run(new SimulationScenario
        {
            Start = Start,
            Duration = TimeSpan.FromHours(2),
            Accounts = bots,
            Campaigns =
            [
                new SimCampaignSpec("broadcast", [ActionKind.BotMessage], 6000),
                new SimCampaignSpec("groups", [ActionKind.BotMessage], 200) { ToGroups = true, Priority = 1 },
            ],
            Platform = new SimPlatformScript { RecipientGoneShare = 0.05, FloodWaitShare = 0.001, FloodWaitMin = TimeSpan.FromSeconds(3), FloodWaitMax = TimeSpan.FromSeconds(20) },
            KeepLog = true,
        });

        Assert.Equal(0, result.ViolationCount);
        Assert.All(result.Campaigns, c => Assert.Equal(0, c.Remaining));
        var perSecond = result.Log.GroupBy(a => (a.Account, a.Start.ToUnixTimeSeconds())).Max(g => g.Count());
        Assert.InRange(perSecond, 20, 30);
        var perGroupMinute = result.Log.Where(a => a.Campaign == 1)
            .GroupBy(a => (a.Recipient / 10, a.Start.ToUnixTimeSeconds() / 60)).Max(g => g.Count());
        Assert.InRange(perGroupMinute, 1, 20);
    });

    [Fact(Timeout = 60_000)]
    public Task Run_PrivacyRefusals_FallbackCountedSeparately() => Bounded.Run(() =>
    {
        SimulationScenario Scenario(bool fallback) => new()
        {
            Start = Start,
            Duration = TimeSpan.FromDays(3),
            Accounts = Users(4),
            Campaigns = [new SimCampaignSpec("c", [ActionKind.Invite], 300) { FallbackToMessage = fallback }],
            Platform = new SimPlatformScript { PrivacyRestrictedShare = 0.3, RecipientGoneShare = 0.05 },
        };

        var with = Run(Scenario(fallback: true)).Campaigns[0];
        var without = Run(Scenario(fallback: false)).Campaigns[0];

        Assert.InRange(with.Done[DoneKind.MessagedInsteadOfInvited], 60, 120);
        Assert.Equal(with.Done[DoneKind.MessagedInsteadOfInvited] + with.Failed, without.Failed);
        Assert.Equal(with.Done[DoneKind.Invited], without.Done[DoneKind.Invited]);
    });
}
