using Herald.Core.Domain;
using Herald.Core.Outcomes;
using Herald.Core.Work;
using Herald.Platforms.Abstractions;
using Herald.Platforms.Tests.Support;
using Herald.Simulator.TdLib;
using Xunit.Abstractions;

namespace Herald.Platforms.Tests.TelegramUser;

/// <summary>
/// An invite run at the adapter's level (not through the engine): several accounts work one pending pool by the engine's
/// outcome rules (privacy fallback, requeue on waits and blocks), on the simulator's manual clock, against the simulated
/// TDLib over loopback. What the world then holds must match what was counted.
/// </summary>
public sealed class TelegramUserInviteRunTests(ITestOutputHelper output)
{
    private const int People = 200;

    [Fact(Timeout = 60_000)]
    public async Task InviteRun_PrivacyFloodWaitAndPeerFlood_CountsMatchTheGroupAndNothingTwice()
    {
        var scenario = Scenario();
        await using var host = await TdTestHost.StartAsync(output, scenario);
        var accounts = new List<(long UserId, PlatformAccount Account)>();
        foreach (var account in scenario.Accounts)
        {
            accounts.Add((account.UserId, await host.LoginAsync(account.UserId)));
        }

        var run = await RunAsync(host, accounts);

        var restricted = scenario.Users.Where(u => u.RestrictsInvites).Select(u => u.Id).ToHashSet();
        var members = host.World.MembersOf(TdTestHost.ChatId).Where(id => id >= 100_000).ToList();
        Assert.Equal(run.Invited, members.Count);
        Assert.Equal(People - restricted.Count, members.Count);
        Assert.DoesNotContain(members, restricted.Contains);
        Assert.Equal(run.MessagedInstead, host.World.Messages.Count);
        Assert.Equal(restricted.Order(), host.World.Messages.Select(m => m.UserId).Order());
        Assert.All(members, id => Assert.Equal(1, host.World.AddsOf(TdTestHost.ChatId, id)));
        Assert.True(run.FloodWaits >= 2, $"{run.FloodWaits} flood waits");
        Assert.Equal([3004L], run.Blocked);
        Assert.True(host.World.IsPeerFlooded(3004));
        Assert.Equal(0, host.World.ActionsDuringWait);
        Assert.Equal(0, host.World.ActionsAfterPeerFlood);
    }

    private static TdScenario Scenario()
    {
        var scenario = TdTestHost.Scenario();
        scenario.Accounts =
        [
            new() { UserId = 3001, Phone = "+10000003001" },
            new() { UserId = 3002, Phone = "+10000003002", FloodAfterActions = 10 },
            new() { UserId = 3003, Phone = "+10000003003", FloodAfterActions = 15 },
            new() { UserId = 3004, Phone = "+10000003004", DailyColdBudget = 12 },
            new() { UserId = 3005, Phone = "+10000003005" },
        ];
        scenario.FloodWindowSeconds = 60;
        scenario.FloodWaitSeconds = 90;
        scenario.Chats[0].Admins = [.. scenario.Accounts.Select(a => new TdSimAdmin { UserId = a.UserId })];
        scenario.Users = [.. Enumerable.Range(0, People).Select(i => new TdSimUser { Id = 100_000 + i, Username = $"person_{i:000}", RestrictsInvites = i % 20 < 3 })];
        return scenario;
    }

    private static async Task<RunResult> RunAsync(TdTestHost host, List<(long UserId, PlatformAccount Account)> accounts)
    {
        var pending = new Queue<(Recipient Recipient, bool Fallback)>(Enumerable.Range(0, People).Select(i => (new Recipient(Username: $"person_{i:000}"), false)));
        var waitUntil = accounts.ToDictionary(a => a.UserId, _ => DateTimeOffset.MinValue);
        var result = new RunResult();
        var turn = 0;
        while (pending.Count > 0)
        {
            var now = host.Clock.GetUtcNow();
            var ready = accounts.Where(a => !result.Blocked.Contains(a.UserId) && waitUntil[a.UserId] <= now).ToList();
            if (ready.Count == 0)
            {
                host.Clock.Advance(accounts.Where(a => !result.Blocked.Contains(a.UserId)).Min(a => waitUntil[a.UserId]) - now);
                continue;
            }

            var (userId, account) = ready[turn++ % ready.Count];
            var (recipient, fallback) = pending.Dequeue();
            var kind = fallback ? ActionKind.PersonalMessage : ActionKind.Invite;
            var action = fallback ? TdTestHost.Message(recipient, "Join us!") : TdTestHost.Invite(recipient);
            var outcome = await host.Platform.ExecuteAsync(account, action);
            var next = OutcomeRules.NextStep(kind, outcome, allowsFallback: true, isFallback: fallback);
            switch (next.Next)
            {
                case TargetNext.Done when next.Done == DoneKind.Invited:
                    result.Invited++;
                    break;
                case TargetNext.Done when next.Done == DoneKind.MessagedInsteadOfInvited:
                    result.MessagedInstead++;
                    break;
                case TargetNext.Fallback:
                    pending.Enqueue((recipient, true));
                    break;
                case TargetNext.Requeue:
                    pending.Enqueue((recipient, fallback));
                    if (outcome is ActionOutcome.RateLimited limited)
                    {
                        result.FloodWaits++;
                        waitUntil[userId] = host.Clock.GetUtcNow() + limited.RetryAfter;
                    }
                    else
                    {
                        result.Blocked.Add(userId);
                    }

                    break;
                default:
                    Assert.Fail($"{recipient.Username}: {next.Next} {next.Reason}");
                    break;
            }

            host.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        return result;
    }

    private sealed class RunResult
    {
        public int Invited { get; set; }

        public int MessagedInstead { get; set; }

        public int FloodWaits { get; set; }

        public List<long> Blocked { get; } = [];
    }
}
