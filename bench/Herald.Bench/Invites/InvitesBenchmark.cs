using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Herald.Bench.Broadcast;
using Herald.Core.Domain;
using Herald.Core.Limits;
using Herald.Core.Outcomes;
using Herald.Core.Pacing;
using Herald.Platforms.Abstractions;
using Herald.Platforms.TelegramUser;
using Herald.Simulator;
using Herald.Simulator.TdLib;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Herald.Bench.Invites;

/// <summary>
/// <c>bench invites --accounts 1000 --recipients 100000 [--days 2]</c>: an invite campaign through Telegram user accounts
/// (the real <see cref="TelegramUserPlatform"/> over loopback HTTP to the simulated TDLib, each account logged in through
/// TDLib's login steps) paced by the engine's own policy (<see cref="PacingPolicy"/>: the configured 50 invites per
/// rolling 24 h spread over the day, 10–15 s apart, FloodWaits honoured) in virtual time: one
/// <see cref="FakeTimeProvider"/> is the clock of the policy, the adapter and the simulator, and jumps to the next
/// account due, so the documented limits apply unscaled and days pass in minutes (the time factor, virtual seconds per
/// wall second, is printed). Last line: <c>{"achieved_per_account_day","allowed_per_account_day","ratio","violations","duplicates",…}</c>;
/// violations (more than the cap in any rolling 24 h, or two invites of an account closer than the minimum pause) and
/// duplicates (a person added twice) are counted from the simulator's record of the invites.
/// </summary>
internal sealed class InvitesBenchmark : IBenchmark
{
    private const long ChatId = -1009000000001;
    private const long FirstAccount = 10_000_000;
    private const long FirstUser = 20_000_000;

    public string Name => "invites";

    public string Description => "invites through user accounts: TDLib adapter + simulated TDLib, engine pacing, virtual time (--accounts 1000 --recipients 100000 --days 2)";

    public async Task<int> RunAsync(BenchArgs args, CancellationToken cancellationToken)
    {
        var accounts = args.Int("accounts", 1000);
        var recipients = args.Int("recipients", 100_000);
        var days = args.Int("days", 2);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero));
        var start = clock.GetUtcNow();
        var end = start + TimeSpan.FromDays(days);
        var limits = PlatformLimits.Default.For(PlatformKind.Telegram, AccountKind.User);
        var cap = limits.InvitesPerDay ?? 50;
        await using var simulator = await SimulatorHost.StartAsync(timeProvider: clock, cancellationToken: cancellationToken);
        simulator.TdLib.Load(Scenario(accounts, recipients));
        var sessions = Directory.CreateTempSubdirectory("herald-bench-invites-");
        await using var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<ISecretStore, InMemorySecretStore>()
            .AddSingleton<TimeProvider>(clock)
            .AddTelegramUserPlatform(o =>
            {
                o.SimulatorUrl = simulator.BaseUri.ToString();
                o.SessionDirectory = sessions.FullName;
                o.SessionIdleClose = TimeSpan.FromDays(30);
            })
            .BuildServiceProvider();
        var platform = services.GetRequiredService<TelegramUserPlatform>();
        var wall = Stopwatch.StartNew();
        var users = await LoginAsync(services, accounts, cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"invites: {accounts} accounts logged in through the simulated TDLib in {wall.Elapsed.TotalSeconds:F1} s; {recipients} recipients, {days} virtual days, cap {cap}/24 h, {limits.MinPause.TotalSeconds:0}-{limits.MaxPause.TotalSeconds:0} s apart"));

        var pacing = new PacingPolicy();
        var schedule = new CampaignSchedule();
        var paced = new PacedAction(ActionKind.Invite, "bench");
        var states = Enumerable.Range(0, accounts).Select(a => new AccountState { JitterSeed = a + 1 }).ToArray();
        var due = new PriorityQueue<int, (DateTimeOffset, int)>();
        for (var a = 0; a < accounts; a++)
        {
            due.Enqueue(a, (start, a));
        }

        var pending = new Queue<long>(Enumerable.Range(0, recipients).Select(i => FirstUser + i));
        var (done, rateLimited, failed) = (0, 0, 0);
        wall.Restart();
        while (pending.Count > 0 && due.TryDequeue(out var a, out var at) && at.Item1 < end && !cancellationToken.IsCancellationRequested)
        {
            if (at.Item1 > clock.GetUtcNow())
            {
                clock.SetUtcNow(at.Item1);
            }

            var now = clock.GetUtcNow();
            var decision = pacing.Decide(states[a], limits, paced, schedule, now);
            if (!decision.MayAct)
            {
                if (decision.EarliestAt != DateTimeOffset.MaxValue)
                {
                    due.Enqueue(a, (decision.EarliestAt, a));
                }

                continue;
            }

            var user = pending.Dequeue();
            var outcome = await platform.ExecuteAsync(users[a], new PlatformAction(ActionKind.Invite, new Recipient(UserId: user), null, ChatId.ToString(CultureInfo.InvariantCulture), $"bench:{user}"), cancellationToken);
            states[a] = pacing.Record(states[a], limits, paced, outcome, clock.GetUtcNow());
            switch (outcome)
            {
                case ActionOutcome.Done:
                    done++;
                    break;
                case ActionOutcome.RateLimited or ActionOutcome.Transient:
                    rateLimited++;
                    pending.Enqueue(user);
                    break;
                default:
                    failed++;
                    break;
            }

            if (!states[a].IsBlocked)
            {
                due.Enqueue(a, (pacing.Decide(states[a], limits, paced, schedule, clock.GetUtcNow()).EarliestAt, a));
            }

            if (done % 10_000 == 0 && outcome is ActionOutcome.Done)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{done} invited, virtual day {(clock.GetUtcNow() - start).TotalDays:F2}, {wall.Elapsed.TotalSeconds:F0} s"));
            }
        }

        var elapsed = wall.Elapsed;
        var invites = simulator.TdLib.Invites;
        var wholeDays = Math.Max(1, (int)Math.Floor((clock.GetUtcNow() - start).TotalDays + 1e-9));
        var windowEnd = start + TimeSpan.FromDays(wholeDays);
        var achieved = (double)invites.Count(i => i.At < windowEnd) / accounts / wholeDays;
        var violations = invites.GroupBy(i => i.AccountUserId).Sum(g => Violations([.. g.Select(i => i.At).Order()], cap, limits.MinPause));
        var duplicates = invites.GroupBy(i => i.UserId).Count(g => g.Count() > 1);
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["achieved_per_account_day"] = Math.Round(achieved, 3),
            ["allowed_per_account_day"] = cap,
            ["ratio"] = Math.Round(achieved / cap, 4),
            ["violations"] = violations,
            ["duplicates"] = duplicates,
            ["accounts"] = accounts,
            ["recipients"] = recipients,
            ["invited"] = invites.Count,
            ["rate_limited"] = rateLimited,
            ["failed"] = failed,
            ["virtual_days"] = Math.Round((clock.GetUtcNow() - start).TotalDays, 2),
            ["wall_s"] = Math.Round(elapsed.TotalSeconds, 1),
            ["time_factor"] = Math.Round((clock.GetUtcNow() - start).TotalSeconds / elapsed.TotalSeconds, 0),
        }));
        sessions.Delete(recursive: true);
        return violations == 0 && duplicates == 0 ? 0 : 1;
    }

    private static TdScenario Scenario(int accounts, int recipients) => new()
    {
        Accounts = [.. Enumerable.Range(0, accounts).Select(a => new TdSimAccount { UserId = FirstAccount + a, Phone = Phone(a) })],
        Users = [.. Enumerable.Range(0, recipients).Select(i => new TdSimUser { Id = FirstUser + i })],
        Chats = [new TdSimChat { Id = ChatId, Username = "bench_group", Admins = [.. Enumerable.Range(0, accounts).Select(a => new TdSimAdmin { UserId = FirstAccount + a })] }],
    };

    private static string Phone(int account) => string.Create(CultureInfo.InvariantCulture, $"+1555{account:D7}");

    // Each account logs in as an operator's would: phone, then the code the simulator "sent".
    private static async Task<PlatformAccount[]> LoginAsync(IServiceProvider services, int accounts, CancellationToken cancellationToken)
    {
        var logins = services.GetRequiredService<TelegramUserLogins>();
        var secrets = services.GetRequiredService<ISecretStore>();
        var result = new PlatformAccount[accounts];
        for (var a = 0; a < accounts; a++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"tg-user-bench{a}");
            var credentials = TelegramUserCredentials.Create(4242, "bench-hash", Phone(a));
            await logins.StartAsync("bench", id, credentials, cancellationToken);
            var step = await logins.SubmitCodeAsync("bench", id, "12345", cancellationToken);
            if (step.State != TelegramUserLoginState.Ready)
            {
                throw new InvalidOperationException($"Account {a} did not log in: {step.State} {step.Error}");
            }

            result[a] = new PlatformAccount("bench", id, AccountKind.User, await secrets.SetAsync("bench", id, credentials.Serialize(), cancellationToken));
        }

        return result;
    }

    // Invites past the cap in a rolling 24 h ending at an invite, plus invites closer to the previous one than the minimum pause.
    private static int Violations(List<DateTimeOffset> invites, int cap, TimeSpan minPause)
    {
        var violations = 0;
        var first = 0;
        for (var i = 0; i < invites.Count; i++)
        {
            while (invites[first] + TimeSpan.FromHours(24) <= invites[i])
            {
                first++;
            }

            if (i - first + 1 > cap || (i > 0 && invites[i] - invites[i - 1] < minPause))
            {
                violations++;
            }
        }

        return violations;
    }
}
