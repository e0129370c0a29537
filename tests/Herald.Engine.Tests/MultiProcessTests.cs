using Herald.Core.Domain;
using Herald.Engine.Tests.Infrastructure;
using Herald.Testing;
using Herald.Testing.Fakes;
using Xunit.Abstractions;

namespace Herald.Engine.Tests;

/// <summary>The engine as separate worker processes over one storage: exactly-once, and crash safety under SIGKILL.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class MultiProcessTests(AzuriteFixture azurite, ITestOutputHelper output) : IDisposable
{
    private const string Tenant = "acme";
    private readonly string _journal = Path.Combine(Path.GetTempPath(), $"herald-journal-{Guid.NewGuid():N}.log");

    [Fact(Timeout = 240_000)]
    public async Task TwoWorkerProcesses_2000Targets20Accounts_EveryTargetOnceNoAccountTwiceInFlight()
    {
        await using var control = await EngineHarness.StartAsync(azurite, new FakePlatform(), output, workers: false);
        // Each worker holds at most 8 of the 20 account ticks, so neither can take the whole campaign alone.
        using var a = WorkerProcess.Start(azurite.ConnectionString, control.Prefix, _journal, output, latencyMs: 2, concurrency: 8);
        using var b = WorkerProcess.Start(azurite.ConnectionString, control.Prefix, _journal, output, latencyMs: 2, concurrency: 8);
        await control.RegisterBotsAsync(Tenant, 20);

        var campaign = await control.Campaigns.CreateAsync(new(EngineHarness.Broadcast(Tenant), EngineHarness.Recipients(2000)));
        var status = await control.WaitForAsync(Tenant, campaign.Id, s => s.Status == "completed", TimeSpan.FromSeconds(200));

        var journal = new JournalCheck(FakeJournal.Read(_journal));
        Assert.Equal(2000, status.Counts.Done);
        Assert.Equal(2000, journal.DonePerRecipient.Count);
        Assert.All(journal.StartedPerRecipient.Values, n => Assert.Equal(1, n));
        Assert.Equal(0, journal.Overlaps());
        Assert.Equal(2, FakeJournal.Read(_journal).Select(e => e.ProcessId).Distinct().Count());
        Assert.All(await control.AllTargetsAsync(Tenant, campaign.Id), t => Assert.Equal(TargetStatus.Done, t.Status));
    }

    [Theory(Timeout = 300_000)]
    [InlineData(DeliveryMode.AtMostOnce)]
    [InlineData(DeliveryMode.AtLeastOnce)]
    public async Task WorkerKilledFiveTimesMidWork_RestartedEachTime_NothingLostAndDeliveryModeHolds(DeliveryMode mode)
    {
        await using var control = await EngineHarness.StartAsync(azurite, new FakePlatform(), output, workers: false);
        await control.RegisterBotsAsync(Tenant, 8);
        var campaign = await control.Campaigns.CreateAsync(new(EngineHarness.Broadcast(Tenant, delivery: mode), EngineHarness.Recipients(1500)));

        for (var kill = 0; kill < 5; kill++)
        {
            using var worker = WorkerProcess.Start(azurite.ConnectionString, control.Prefix, _journal, output, latencyMs: 15);

            // Kill it while it works: once the platform has seen its calls, at a random moment.
            var started = DateTime.UtcNow;
            while (DateTime.UtcNow - started < TimeSpan.FromSeconds(30) && CallsBy(worker.Id) == 0)
            {
                await Task.Delay(50);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100 + Random.Shared.Next(900)));
            output.WriteLine($"SIGKILL {worker.Id} (kill {kill + 1}) after {CallsBy(worker.Id)} calls");
            Assert.True(CallsBy(worker.Id) > 0, "the worker was killed before it did any work");
            worker.Kill();
        }

        using var restarted = WorkerProcess.Start(azurite.ConnectionString, control.Prefix, _journal, output, latencyMs: 15);
        var status = await control.WaitForAsync(Tenant, campaign.Id, s => s.Status is "completed" or "completed_with_errors", TimeSpan.FromSeconds(200));

        var targets = await control.AllTargetsAsync(Tenant, campaign.Id);
        var journal = new JournalCheck(FakeJournal.Read(_journal));
        Assert.Equal(1500, targets.Count);
        Assert.Equal(0, journal.Overlaps());
        if (mode == DeliveryMode.AtMostOnce)
        {
            // Never acted on twice; none lost: each is done or unknown (the fake platform never fails).
            Assert.All(journal.StartedPerRecipient.Values, n => Assert.Equal(1, n));
            Assert.All(targets, t => Assert.Contains(t.Status, new[] { TargetStatus.Done, TargetStatus.Unknown }));
            // A recipient the platform saw succeed is done, or unknown when its attempt died before writing it.
            Assert.All(targets.Where(t => journal.DonePerRecipient.ContainsKey(t.Recipient.Key)), t => Assert.Contains(t.Status, new[] { TargetStatus.Done, TargetStatus.Unknown }));
            Assert.All(targets.Where(t => t.Status == TargetStatus.Done), t => Assert.True(journal.DonePerRecipient.ContainsKey(t.Recipient.Key)));
            // Only a target whose call had started is ambiguous: at most one per account per crash.
            var unknown = targets.Count(t => t.Status == TargetStatus.Unknown);
            Assert.InRange(unknown, 0, 8 * 5);
            output.WriteLine($"done={targets.Count(t => t.Status == TargetStatus.Done)} unknown={unknown} (status counts: done={status.Counts.Done} unknown={status.Counts.Unknown})");
        }
        else
        {
            Assert.All(targets, t => Assert.Equal(TargetStatus.Done, t.Status));
            Assert.Equal(1500, journal.DonePerRecipient.Count);
            // Each outcome is written before the next call: a crash repeats at most the one call in flight per account.
            var repeated = journal.StartedPerRecipient.Values.Sum(n => n - 1);
            output.WriteLine($"repeated calls: {repeated} over 5 kills of 8 accounts");
            Assert.InRange(repeated, 0, 8 * 5);
        }

        // The status counts what the target rows hold, once every dead attempt is recovered (by its account's next tick,
        // which may come after the campaign completed), even when a worker died while recovering an earlier one.
        var done = targets.Count(t => t.Status == TargetStatus.Done);
        var unknownRows = targets.Count(t => t.Status == TargetStatus.Unknown);
        var counted = await control.WaitForAsync(Tenant, campaign.Id, s => s.Counts.Done + s.Counts.Unknown >= 1500, TimeSpan.FromSeconds(60));
        Assert.Equal(done, counted.Counts.Done);
        Assert.Equal(unknownRows, counted.Counts.Unknown);
        Assert.Equal(1500, counted.Processed);
    }

    [Fact(Timeout = 240_000)]
    public async Task WorkerKilledMidTick_AnotherWorkerActsForTheAccountWithinAShortLease()
    {
        // The engine's own lease and visibility: a dead worker's account must be taken over in about one short lease
        // (it waited out a 2-minute lease before the heartbeat), and never by two workers at once.
        await using var control = await EngineHarness.StartAsync(azurite, new FakePlatform(), output, workers: false);
        await control.RegisterBotsAsync(Tenant, 1);
        var campaign = await control.Campaigns.CreateAsync(new(EngineHarness.Broadcast(Tenant), EngineHarness.Recipients(3000)));
        using var first = WorkerProcess.Start(azurite.ConnectionString, control.Prefix, _journal, output, latencyMs: 5, engineDefaults: true);
        var started = DateTime.UtcNow;
        while (DateTime.UtcNow - started < TimeSpan.FromSeconds(60) && CallsBy(first.Id) < 50)
        {
            await Task.Delay(50);
        }

        Assert.True(CallsBy(first.Id) >= 50, "the first worker never got going");
        first.Kill();
        var killedAt = DateTime.UtcNow;
        using var second = WorkerProcess.Start(azurite.ConnectionString, control.Prefix, _journal, output, latencyMs: 5, engineDefaults: true);
        while (DateTime.UtcNow - killedAt < TimeSpan.FromSeconds(150) && CallsBy(second.Id) == 0)
        {
            await Task.Delay(100);
        }

        var takeover = DateTime.UtcNow - killedAt;
        output.WriteLine($"kill -> the account acts again: {takeover.TotalSeconds:F1} s");
        Assert.True(CallsBy(second.Id) > 0, "the account never acted again");
        Assert.InRange(takeover, TimeSpan.Zero, TimeSpan.FromSeconds(45));
        await control.Campaigns.CancelAsync(Tenant, campaign.Id);
        Assert.Equal(0, new JournalCheck(FakeJournal.Read(_journal)).Overlaps());
        Assert.All(new JournalCheck(FakeJournal.Read(_journal)).StartedPerRecipient.Values, n => Assert.Equal(1, n));
    }

    private int CallsBy(int processId) => FakeJournal.Read(_journal).Count(e => e.ProcessId == processId && e.Kind == 'S');

    public void Dispose()
    {
        foreach (var file in Directory.EnumerateFiles(Path.GetTempPath(), Path.GetFileName(_journal) + ".*"))
        {
            File.Delete(file);
        }
    }
}
