using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Herald.EndToEnd.Tests.Infrastructure;
using Herald.Testing.Processes;

namespace Herald.EndToEnd.Tests;

/// <summary>
/// An invite campaign through Telegram user accounts, every part its own process on loopback: the host (API and workers),
/// a second worker process, Azurite and the simulated TDLib (Herald.Simulator), which is the judge: it records every paced
/// request of every account with its time and its answer. 20 accounts invite the users into a supergroup; 15% of the
/// users only let contacts add them (privacy: the invite fails, the fallback message goes out instead); 3 accounts get
/// FLOOD_WAIT after a burst, 1 gets PEER_FLOOD past its cold-message budget, 2 have their own invite cap that binds.
/// <para>
/// Time factor: the limits run <see cref="TimeFactor"/> times faster than Telegram's (<c>Herald:Limits:TimeFactor</c>):
/// the documented 10–15 s between actions become the configured 100–150 ms (one account 300 ms of its own), and a
/// rolling day could hold 100 times the documented caps; the configured 300 invites and 100 messages per account are
/// never reached in the run, the two accounts with a cap of 20 invites of their own reach it. Telegram's side is
/// scaled the same way: a FLOOD_WAIT of 2 s after 6 actions within 10 s. 2,000 users with
/// <c>HERALD_E2E_FULL_SIZE=1</c>, 600 in the suite (the same assertions).
/// </para>
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class InviteCampaignTests(HeraldStackFixture stack, ITestOutputHelper output)
{
    private const int TimeFactor = 100;
    private const int AccountCount = 20;
    private const long ChatId = -1009100000001;
    private const string ChatUsername = "herald_e2e_group";
    private const int CappedInvites = 20;
    private const int PeerFloodBudget = 10;
    private static readonly TimeSpan MinPause = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan SlowAccountPause = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan ArrivalJitter = TimeSpan.FromMilliseconds(15);
    private static readonly int[] FloodAccounts = [0, 1, 2];
    private const int PeerFloodAccount = 3;
    private static readonly int[] CappedAccounts = [4, 5];
    private const int SlowAccount = 6;
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(FullSize ? 600 : 240);

    private int _polls;

    private static bool FullSize => Environment.GetEnvironmentVariable("HERALD_E2E_FULL_SIZE") == "1";

    private static int UserCount => FullSize ? 2000 : 600;

    [Fact(Timeout = 900_000)]
    public async Task InviteCampaign_20AccountsPrivacyFallbackFloodWaitPeerFlood_GroupMatchesCountsAndLimitsKept()
    {
        var run = await StartAsync("e2e-invite", firstUser: 9_200_000);
        await using (run)
        {
            var status = await run.Api.WaitForCampaignAsync(run.CampaignId, IsEnded, RunTimeout);
            output.WriteLine($"ended after {run.Clock.Elapsed.TotalSeconds:F0} s: {status.GetProperty("counts")}");
            var seen = await SeenAsync(run);

            var counts = status.GetProperty("counts");
            Assert.Equal(0, counts.Long("unknown"));
            Assert.Equal(0, counts.Long("failed"));
            Assert.Equal(UserCount, counts.Long("done"));

            // Invited means in the group; messaged instead means a privacy-restricted user got the message.
            Assert.Equal(counts.Long("invited"), seen.Members.Count);
            Assert.Equal(run.Open.Order(), seen.Members.Order());
            Assert.Equal(counts.Long("messagedInsteadOfInvited"), seen.Messaged.Count);
            Assert.Equal(run.Restricted.Order(), seen.Messaged.Order());

            AssertNobodyTwiceAndLimitsKept(run, seen);
        }
    }

    [Fact(Timeout = 900_000)]
    public async Task InviteCampaign_HostKilledWithSigkillTwiceMidRun_AtMostInFlightUnknownNobodyTwice()
    {
        var run = await StartAsync("e2e-invite-kill", firstUser: 9_300_000);
        await using (run)
        {
            foreach (var share in new[] { 3, 3 * 2 })
            {
                var target = UserCount * share / 9;
                using (var wait = new CancellationTokenSource(RunTimeout))
                {
                    while ((await stack.TdLib.GetInvitesAsync()).Count < target)
                    {
                        await Task.Delay(100, wait.Token);
                    }
                }

                output.WriteLine($"SIGKILL host (pid {run.Host.Id}) at {target}+ invites, {run.Clock.Elapsed.TotalSeconds:F0} s in");
                await run.Host.KillAsync();
                await run.RestartHostAsync(stack, output);
            }

            var status = await run.Api.WaitForCampaignAsync(run.CampaignId, IsEnded, RunTimeout);
            output.WriteLine($"ended after {run.Clock.Elapsed.TotalSeconds:F0} s: {status.GetProperty("counts")}");
            var seen = await SeenAsync(run);
            var report = await run.Api.GetReportRowsAsync(run.CampaignId);
            var unknown = report.Where(r => r.Str("status") == "unknown").ToList();
            var unknownUsers = unknown.Select(r => r.Str("username")).Select(InviteRun.UserIdOf).ToHashSet();
            output.WriteLine($"{seen.Members.Count} in the group, {seen.Messaged.Count} messaged, {unknown.Count} unknown");

            // At most once: only the actions in flight when the host died are unknown, each at most one per account per kill.
            var counts = status.GetProperty("counts");
            Assert.InRange(unknown.Count, 0, 2 * AccountCount);
            Assert.All(unknown, r => Assert.Equal("attempt_died", r.Str("reason")));
            Assert.Equal(unknown.Count, counts.Long("unknown"));
            Assert.Equal(0, counts.Long("failed"));
            Assert.Equal(UserCount, counts.Long("done") + counts.Long("unknown"));

            // The counts are what the group and the messages show, but for the unknown ones (reached or not, never twice).
            Assert.Equal(counts.Long("invited"), seen.Members.Count(u => !unknownUsers.Contains(u)));
            Assert.Equal(counts.Long("messagedInsteadOfInvited"), seen.Messaged.Count(u => !unknownUsers.Contains(u)));
            Assert.DoesNotContain(run.Open, u => !seen.Members.Contains(u) && !unknownUsers.Contains(u));
            Assert.DoesNotContain(run.Restricted, u => !seen.Messaged.Contains(u) && !unknownUsers.Contains(u));
            Assert.DoesNotContain(seen.Members, run.Restricted.Contains);

            AssertNobodyTwiceAndLimitsKept(run, seen);
        }
    }

    private void AssertNobodyTwiceAndLimitsKept(InviteRun run, Seen seen)
    {
        // Nobody invited or messaged twice, nobody both.
        Assert.Equal(seen.Invites.Count, seen.Invites.Select(i => i.UserId).Distinct().Count());
        Assert.Equal(seen.Messages.Count, seen.Messages.Select(m => m.UserId).Distinct().Count());
        Assert.DoesNotContain(seen.Messaged, seen.Members.Contains);

        // The scenario happened: three accounts were told to wait, one was limited.
        var byAccount = seen.Actions.GroupBy(a => a.Account).ToDictionary(g => g.Key, g => g.OrderBy(a => a.At).ToList());
        Assert.Equal(FloodAccounts.Select(run.AccountUserId).Order(), seen.Actions.Where(a => a.Result == "flood_wait").Select(a => a.Account).Distinct().Order());
        Assert.Equal([run.AccountUserId(PeerFloodAccount)], seen.Actions.Where(a => a.Result == "peer_flood").Select(a => a.Account).Distinct());
        Assert.Equal((0, 0), seen.Violations);
        Assert.DoesNotContain(seen.Actions, a => a.Result is "during_wait" or "after_peer_flood");

        foreach (var (account, actions) in byAccount)
        {
            var index = run.AccountIndex(account);
            // Nothing during a wait (to its end) or after PEER_FLOOD.
            foreach (var flood in actions.Where(a => a.Result == "flood_wait"))
            {
                Assert.DoesNotContain(actions, a => a.At > flood.At && a.At < flood.WaitUntil);
            }

            if (actions.FindIndex(a => a.Result == "peer_flood") is var limited and >= 0)
            {
                Assert.Equal(actions.Count - 1, limited);
            }

            // Never closer than the account's minimum pause, as the simulator saw the requests arrive: Herald paces the
            // starts of its requests, and one request's own way over loopback HTTP (a few ms, however fast the limits
            // run) can bring its arrival closer to the next one's; that does not scale with the time factor.
            var pause = index == SlowAccount ? SlowAccountPause : MinPause;
            var closest = actions.Zip(actions.Skip(1), (a, b) => b.At - a.At).DefaultIfEmpty(TimeSpan.MaxValue).Min();
            Assert.True(closest >= pause - ArrivalJitter, $"account {index}: two actions {closest.TotalMilliseconds:F1} ms apart, its pause is {pause.TotalMilliseconds} ms");

            // Never over its daily caps (every request Telegram processed counts); the accounts' own cap binds.
            var invites = actions.Count(a => a.Method == "addChatMembers" && a.Result == "accepted");
            var messages = actions.Count(a => a.Method == "sendMessage" && a.Result == "accepted");
            Assert.InRange(invites, 0, CappedAccounts.Contains(index) ? CappedInvites : 300);
            Assert.InRange(messages, 0, 100);
            if (CappedAccounts.Contains(index))
            {
                Assert.Equal(CappedInvites, invites);
            }
        }
    }

    private async Task<Seen> SeenAsync(InviteRun run)
    {
        var members = (await stack.TdLib.GetMembersAsync(ChatId)).ToHashSet();
        var invites = await stack.TdLib.GetInvitesAsync();
        var messages = await stack.TdLib.GetMessagesAsync();
        var actions = await stack.TdLib.GetActionsAsync();
        var violations = await stack.TdLib.GetViolationsAsync();
        output.WriteLine(string.Join(", ", actions.GroupBy(a => a.Account).OrderBy(g => g.Key).Select(g =>
            $"#{run.AccountIndex(g.Key)}: {g.Count(a => a.Method == "addChatMembers")}i/{g.Count(a => a.Method == "sendMessage")}m{(g.Any(a => a.Result != "accepted") ? "/" + string.Join("+", g.Where(a => a.Result != "accepted").Select(a => a.Result).Distinct()) : "")}")));
        return new Seen(members, [.. messages.Select(m => m.UserId)], invites, messages, actions, violations);
    }

    // A 503 (storage slow on a loaded machine) answers a problem, whose status is a number: not ended yet.
    private bool IsEnded(JsonElement status)
    {
        if (!status.TryGetProperty("status", out var s) || s.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        if (status.TryGetProperty("counts", out var counts) && Interlocked.Increment(ref _polls) % 10 == 0)
        {
            output.WriteLine($"{s.GetString()}: {counts}");
        }

        return s.GetString() is "completed" or "completed_with_errors";
    }

    /// <summary>Loads the simulated TDLib's world, starts Herald (host and a worker), logs the 20 accounts in, creates the campaign.</summary>
    private async Task<InviteRun> StartAsync(string tenant, long firstUser)
    {
        var run = new InviteRun(HeraldStackFixture.NewPrefix(), firstUser, UserCount);
        await stack.TdLib.LoadScenarioAsync(Scenario(run));
        run.Host = await stack.StartHostAsync(run.Prefix, output, LimitSettings);
        try
        {
            run.Worker = await stack.StartWorkerAsync(run.Prefix, output, LimitSettings);
            run.Token = await stack.CreateTokenAsync(tenant);
            run.Api = new HeraldApiClient(run.Host.BaseAddress, run.Token);
            for (var i = 0; i < AccountCount; i++)
            {
                object? limits = CappedAccounts.Contains(i) ? new { invitesPerDay = CappedInvites }
                    : i == SlowAccount ? new { minPauseSeconds = SlowAccountPause.TotalSeconds, maxPauseSeconds = SlowAccountPause.TotalSeconds * 1.5 }
                    : null;
                await run.Api.RegisterUserAccountAsync(run.Phone(i), "12345", limits);
            }

            run.Clock.Start();
            run.CampaignId = await run.Api.CreateInviteCampaignAsync("invites", "@" + ChatUsername, "Hi {{name|there}}, join us!", run.Users.Select(InviteRun.Username));
            output.WriteLine($"campaign {run.CampaignId} of {UserCount} users created");
            return run;
        }
        catch
        {
            await run.DisposeAsync();
            throw;
        }
    }

    private static string[] LimitSettings =>
    [
        $"--Herald:Limits:TimeFactor={TimeFactor}",
        $"--Herald:Limits:Telegram:User:MinPause={MinPause}",
        $"--Herald:Limits:Telegram:User:MaxPause={MinPause * 1.5}",
        "--Herald:Limits:Telegram:User:InvitesPerDay=300",
        "--Herald:Limits:Telegram:User:MessagesPerDay=100",
        "--Herald:Limits:Telegram:User:MessagesWithLinksPerDay=25",
        "--Herald:Limits:Telegram:User:SpreadOverDay=false",
        // The engine's own waits at the same speed: an account's next tick (100 ms on) is not held up by a 1 s queue poll.
        "--Herald:Engine:MaxPollInterval=00:00:00.100",
    ];

    private static object Scenario(InviteRun run) => new
    {
        users = run.Users.Select(u => new { id = u, username = InviteRun.Username(u), firstName = "User", restrictsInvites = run.Restricted.Contains(u) }),
        accounts = Enumerable.Range(0, AccountCount).Select(i => new
        {
            userId = run.AccountUserId(i),
            phone = run.Phone(i),
            code = "12345",
            floodAfterActions = FloodAccounts.Contains(i) ? 6 : (int?)null,
            dailyColdBudget = i == PeerFloodAccount ? PeerFloodBudget : (int?)null,
        }),
        chats = new[]
        {
            new
            {
                id = ChatId,
                username = ChatUsername,
                title = "Herald e2e",
                admins = Enumerable.Range(0, AccountCount).Select(i => new { userId = run.AccountUserId(i), canInviteUsers = true }),
            },
        },
        floodWindowSeconds = 10,
        floodWaitSeconds = 2,
    };

    private sealed record Seen(
        HashSet<long> Members,
        HashSet<long> Messaged,
        List<(long Account, long UserId)> Invites,
        List<(long Account, long UserId)> Messages,
        List<TdAction> Actions,
        (int DuringWait, int AfterPeerFlood) Violations);

    /// <summary>One campaign's processes, its accounts and users (every 20th from the 18th on restricts invites: 15%).</summary>
    private sealed class InviteRun(string prefix, long firstUser, int userCount) : IAsyncDisposable
    {
        private readonly long _firstAccount = firstUser - 100_000;

        public string Prefix { get; } = prefix;

        public List<long> Users { get; } = [.. Enumerable.Range(0, userCount).Select(i => firstUser + i)];

        public HashSet<long> Restricted => [.. Users.Where(u => (u - firstUser) % 20 >= 17)];

        public HashSet<long> Open => [.. Users.Where(u => (u - firstUser) % 20 < 17)];

        public Stopwatch Clock { get; } = new();

        public ChildProcess Host { get; set; } = null!;

        public ChildProcess? Worker { get; set; }

        public string Token { get; set; } = "";

        public HeraldApiClient Api { get; set; } = null!;

        public string CampaignId { get; set; } = "";

        public static string Username(long userId) => string.Create(CultureInfo.InvariantCulture, $"e2e_user_{userId}");

        public static long UserIdOf(string username) => long.Parse(username["e2e_user_".Length..], CultureInfo.InvariantCulture);

        public long AccountUserId(int index) => _firstAccount + index;

        public int AccountIndex(long userId) => (int)(userId - _firstAccount);

        public string Phone(int index) => string.Create(CultureInfo.InvariantCulture, $"+1555{_firstAccount % 1_000_000:000000}{index:00}");

        /// <summary>A new host process on the same storage (and a client for its address).</summary>
        public async Task RestartHostAsync(HeraldStackFixture stack, ITestOutputHelper log)
        {
            await Host.DisposeAsync();
            Host = await stack.StartHostAsync(Prefix, log, LimitSettings);
            Api.Dispose();
            Api = new HeraldApiClient(Host.BaseAddress, Token);
        }

        public async ValueTask DisposeAsync()
        {
            Api?.Dispose();
            if (Host is not null)
            {
                await Host.DisposeAsync();
            }

            if (Worker is not null)
            {
                await Worker.DisposeAsync();
            }
        }
    }
}
