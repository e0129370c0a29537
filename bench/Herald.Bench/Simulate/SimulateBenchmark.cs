using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Herald.Core.Domain;
using Herald.Testing.Simulation;

namespace Herald.Bench.Simulate;

/// <summary>
/// <c>simulate</c>: runs one invite campaign (privacy fallback to a personal message) over Telegram user accounts in
/// virtual time through the pure core, against the scripted fake platform (privacy refusals, deleted recipients,
/// FloodWaits, transient failures, PEER_FLOOD blocks, accounts added mid-run with warm-up), and reports wall time,
/// simulated actions, limit violations found by the independent checker, and the share of the accounts' theoretical
/// invite capacity used.
/// </summary>
internal sealed class SimulateBenchmark : IBenchmark
{
    public string Name => "simulate";

    public string Description => "virtual-time campaign simulation: --recipients 100000 --accounts 1000 --days 30 [--seed 1] [--window 09:00-21:00 --tz Europe/Berlin]";

    public Task<int> RunAsync(BenchArgs args, CancellationToken cancellationToken)
    {
        var recipients = args.Int("recipients", 100_000);
        var accounts = args.Int("accounts", 1000);
        var days = args.Int("days", 30);
        var seed = args.Int("seed", 1);
        var scenario = BuildScenario(recipients, accounts, days, seed, args.String("window"), args.String("tz") ?? "UTC");

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"simulate: {recipients} recipients, {accounts} accounts ({scenario.Accounts.Count(a => a.JoinAfter > TimeSpan.Zero)} added on day 2 with warm-up, {scenario.Accounts.Count(a => a.BlockAtAttempt is not null)} scripted to be blocked), {days} days, seed {seed}"));
        Console.WriteLine("capacity = sum over accounts of the invite cap in force (50/24 h, warm-up ramp for new accounts) integrated from joining until blocked or the run's end (list finished or days over)");

        var clock = Stopwatch.StartNew();
        var result = CampaignSimulation.Run(scenario);
        clock.Stop();

        var campaign = result.Campaigns[0];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ended {result.EndedAt:u} after {(result.EndedAt - scenario.Start).TotalDays:0.00} simulated days; events {result.Events}; invites {result.PrimaryActions} of capacity {result.Capacity:0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"recipients: {string.Join(", ", campaign.Done.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}"))}, failed {campaign.Failed}, remaining {campaign.Remaining}; accounts blocked {result.Accounts.Count(a => a.BlockedAt is not null)}"));
        foreach (var violation in result.Violations.Take(5))
        {
            Console.WriteLine("violation: " + violation);
        }

        var json = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["wall_s"] = Math.Round(clock.Elapsed.TotalSeconds, 3),
            ["actions"] = result.Actions,
            ["violations"] = result.ViolationCount,
            ["capacity_share"] = Math.Round(result.CapacityShare, 4),
        });
        Console.WriteLine(json);
        return Task.FromResult(result.ViolationCount == 0 ? 0 : 1);
    }

    private static SimulationScenario BuildScenario(int recipients, int accounts, int days, int seed, string? window, string zone)
    {
        var schedule = CampaignSchedule.Always;
        if (window is not null)
        {
            var parts = window.Split('-');
            schedule = new CampaignSchedule(Window: new TimeWindow(
                TimeOnly.Parse(parts[0], CultureInfo.InvariantCulture), TimeOnly.Parse(parts[1], CultureInfo.InvariantCulture), zone));
        }

        var rng = new Random(seed);
        var specs = new List<SimAccountSpec>(accounts);
        for (var i = 0; i < accounts; i++)
        {
            var addedLater = i % 20 == 19; // 5 % join on day 2, new, with warm-up
            specs.Add(new SimAccountSpec($"acc-{i:D5}")
            {
                JoinAfter = addedLater ? TimeSpan.FromDays(1) : TimeSpan.Zero,
                Warmup = addedLater,
                BlockAtAttempt = i % 100 == 7 ? rng.Next(20, 400) : null, // 1 % get PEER_FLOOD at some point
            });
        }

        return new SimulationScenario
        {
            Duration = TimeSpan.FromDays(days),
            Seed = seed,
            Accounts = specs,
            Campaigns =
            [
                new SimCampaignSpec("invite", [ActionKind.Invite], recipients) { FallbackToMessage = true, Schedule = schedule },
            ],
            Platform = new SimPlatformScript
            {
                PrivacyRestrictedShare = 0.10,
                RecipientGoneShare = 0.03,
                FloodWaitShare = 0.001,
                TransientShare = 0.005,
            },
        };
    }
}
