using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Herald.EndToEnd.Tests.Infrastructure;
using Herald.Testing.Processes;

namespace Herald.EndToEnd.Tests;

/// <summary>
/// A bot broadcast through the whole of Herald, every part its own process on loopback: the host (API and the
/// engine's workers), a second worker process, Azurite and the Telegram Bot API simulator with Telegram's limits.
/// 5,000 recipients over 3 bots, 2% of them blocked the bot. What the simulator received is the judge.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class BroadcastTests(HeraldStackFixture stack, ITestOutputHelper output)
{
    private const int RecipientCount = 5000;
    private const int BotCount = 3;
    private const int BlockEvery = 50;
    // The engine reports a recipient gone for the platform's reason (RecipientGone → "gone: <reason>").
    private const string BlockedByUser = "gone: blocked_by_user";
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(120);

    [Fact(Timeout = 150_000)]
    public async Task Broadcast_5000RecipientsOver3Bots2PercentBlocked_EveryReachableRecipientOnceBlockedReported()
    {
        var run = await StartBroadcastAsync("e2e-plain", firstUserId: 5_000_001, firstBotId: 710_000_001);
        await using (run)
        {
            var status = await run.Api.WaitForCampaignAsync(run.CampaignId, IsEnded, RunTimeout);
            output.WriteLine($"ended after {run.Clock.Elapsed.TotalSeconds:F0} s: {status.GetProperty("counts")}");

            var totals = await stack.Simulator.GetTotalsAsync();
            var deliveries = await stack.Simulator.GetDeliveriesAsync();
            Assert.Equal("completed_with_errors", status.Str("status"));
            Assert.Equal(0, totals.Long("rateLimited"));
            Assert.Equal(0, totals.Long("duplicates"));
            Assert.Equal(0, totals.Long("multiMessageChats"));
            Assert.Equal(run.Reachable.Count, totals.Long("delivered"));
            Assert.Equal(run.Reachable.Order(), deliveries.Select(d => d.ChatId).Order());
            Assert.Equal(BotCount, deliveries.Select(d => d.BotId).Distinct().Count());

            var counts = status.GetProperty("counts");
            Assert.Equal(run.Reachable.Count, counts.Long("done"));
            Assert.Equal(run.Blocked.Count, counts.Long("failed"));
            Assert.Equal(0, counts.Long("unknown"));
            Assert.Equal(run.Blocked.Count, status.GetProperty("reasons").Long(BlockedByUser));

            var report = await run.Api.GetReportRowsAsync(run.CampaignId);
            Assert.Equal(run.Blocked.Order(), report.Select(r => r.GetProperty("userId").GetInt64()).Order());
            Assert.All(report, r => Assert.Equal(("failed", BlockedByUser), (r.Str("status"), r.Str("reason"))));
        }
    }

    [Fact(Timeout = 150_000)]
    public async Task Broadcast_HostKilledWithSigkillMidRunThenStartedAgain_NobodyTwiceCampaignCompletes()
    {
        var run = await StartBroadcastAsync("e2e-kill", firstUserId: 6_000_001, firstBotId: 720_000_001);
        await using (run)
        {
            long deliveredAtKill;
            using (var wait = new CancellationTokenSource(RunTimeout))
            {
                while ((deliveredAtKill = (await stack.Simulator.GetTotalsAsync()).Long("delivered")) < RecipientCount / 3)
                {
                    await Task.Delay(100, wait.Token);
                }
            }

            output.WriteLine($"SIGKILL host (pid {run.Host.Id}) at {deliveredAtKill} deliveries, {run.Clock.Elapsed.TotalSeconds:F0} s in");
            await run.Host.KillAsync();
            await run.RestartHostAsync(stack, output);

            var status = await run.Api.WaitForCampaignAsync(run.CampaignId, IsEnded, RunTimeout);
            output.WriteLine($"ended after {run.Clock.Elapsed.TotalSeconds:F0} s: {status.GetProperty("counts")}");

            var totals = await stack.Simulator.GetTotalsAsync();
            var delivered = (await stack.Simulator.GetDeliveriesAsync()).Select(d => d.ChatId).ToHashSet();
            var report = await run.Api.GetReportRowsAsync(run.CampaignId);
            var failed = report.Where(r => r.Str("status") == "failed").ToList();
            var unknown = report.Where(r => r.Str("status") == "unknown").Select(r => r.GetProperty("userId").GetInt64()).ToHashSet();
            output.WriteLine($"{delivered.Count} delivered, {failed.Count} failed, {unknown.Count} unknown ({unknown.Count(delivered.Contains)} of them delivered)");

            // Nobody got the broadcast twice, and nothing ran into a limit, across the kill and the takeover.
            Assert.Equal("completed_with_errors", status.Str("status"));
            Assert.Equal(0, totals.Long("rateLimited"));
            Assert.Equal(0, totals.Long("duplicates"));
            Assert.Equal(0, totals.Long("multiMessageChats"));
            Assert.Equal(delivered.Count, totals.Long("delivered"));

            // At most once: the only recipients not known to be reached are those the killed host had claimed, reported
            // unknown (attempt_died), never retried. Every other reachable recipient got it exactly once.
            Assert.InRange(unknown.Count, 0, BotCount * 30);
            Assert.All(report.Where(r => r.Str("status") == "unknown"), r => Assert.Equal("attempt_died", r.Str("reason")));
            Assert.DoesNotContain(run.Reachable, u => !delivered.Contains(u) && !unknown.Contains(u));
            Assert.DoesNotContain(delivered, u => !run.Reachable.Contains(u));
            Assert.Equal(delivered.Count - unknown.Count(delivered.Contains), status.GetProperty("counts").Long("done"));

            // The blocked ones are reported with their reason (unless the killed host had claimed them).
            Assert.All(failed, r => Assert.Equal(BlockedByUser, r.Str("reason")));
            Assert.Equal(
                run.Blocked.Where(u => !unknown.Contains(u)).Order(),
                failed.Select(r => r.GetProperty("userId").GetInt64()).Order());
        }
    }

    private static bool IsEnded(JsonElement status) => status.Str("status") is "completed" or "completed_with_errors";

    /// <summary>Resets the simulator to 2% blocked recipients, starts Herald (host and a worker), registers the bots, creates the campaign.</summary>
    private async Task<BroadcastRun> StartBroadcastAsync(string tenant, long firstUserId, long firstBotId)
    {
        var users = Enumerable.Range(0, RecipientCount).Select(i => firstUserId + i).ToList();
        var blocked = users.Where((_, i) => i % BlockEvery == BlockEvery - 1).ToList();
        await stack.Simulator.ResetAsync();
        await stack.Simulator.ConfigureAsync(new { BlockedUsers = blocked });

        var prefix = HeraldStackFixture.NewPrefix();
        var run = new BroadcastRun(prefix, [.. users.Except(blocked)], [.. blocked])
        {
            Host = await stack.StartHostAsync(prefix, output),
        };
        try
        {
            run.Worker = await stack.StartWorkerAsync(prefix, output);
            run.Token = await stack.CreateTokenAsync(tenant);
            run.Api = new HeraldApiClient(run.Host.BaseAddress, run.Token);
            for (var i = 0; i < BotCount; i++)
            {
                await run.Api.RegisterBotAsync(string.Create(CultureInfo.InvariantCulture, $"{firstBotId + i}:AAE2E-{tenant}-token_{i}"));
            }

            run.Clock.Start();
            run.CampaignId = await run.Api.CreateBroadcastAsync(
                "end-to-end", "Hello {{name}}, this is Herald.", users.Select(u => (u, string.Create(CultureInfo.InvariantCulture, $"User {u}"))));
            output.WriteLine($"campaign {run.CampaignId} created in {run.Clock.Elapsed.TotalSeconds:F1} s");
            return run;
        }
        catch
        {
            await run.DisposeAsync();
            throw;
        }
    }

    /// <summary>One broadcast's processes and what it was sent to.</summary>
    private sealed class BroadcastRun(string prefix, HashSet<long> reachable, HashSet<long> blocked) : IAsyncDisposable
    {
        public HashSet<long> Reachable { get; } = reachable;

        public HashSet<long> Blocked { get; } = blocked;

        public Stopwatch Clock { get; } = new();

        public required ChildProcess Host { get; set; }

        public ChildProcess? Worker { get; set; }

        public string Token { get; set; } = "";

        public HeraldApiClient Api { get; set; } = null!;

        public string CampaignId { get; set; } = "";

        /// <summary>A new host process on the same storage (and a client for its address).</summary>
        public async Task RestartHostAsync(HeraldStackFixture stack, ITestOutputHelper log)
        {
            await Host.DisposeAsync();
            Host = await stack.StartHostAsync(prefix, log);
            Api.Dispose();
            Api = new HeraldApiClient(Host.BaseAddress, Token);
        }

        public async ValueTask DisposeAsync()
        {
            Api?.Dispose();
            await Host.DisposeAsync();
            if (Worker is not null)
            {
                await Worker.DisposeAsync();
            }
        }
    }
}
