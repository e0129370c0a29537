using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Herald.Bench.Broadcast;
using Herald.Core.Domain;
using Herald.Core.Outcomes;
using Herald.Platforms.Abstractions;
using Herald.Platforms.Email;
using Herald.Simulator.Smtp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Herald.Bench.Email;

/// <summary>
/// <c>bench email --accounts 50 --recipients 20000 [--deferred 0.01] [--rejected 0.005]</c>: the e-mail adapter
/// (MailKit) against the loopback SMTP simulator in virtual time. Accounts are new (the provider's default warm-up
/// ramp and 300/day cap apply); each recipient goes to the next account not resting, a deferred one is retried, a
/// rejected one is reported. Last line: <c>{"achieved","allowed","ratio","violations","duplicates",…}</c> where
/// <c>allowed</c> is what the caps and warm-up allowed over the whole virtual days the run spanned, <c>achieved</c> what
/// was accepted in them, <c>violations</c> sends past an account's cap at its age (checked on the server's record),
/// <c>duplicates</c> recipients who got two messages.
/// </summary>
internal sealed class EmailBenchmark : IBenchmark
{
    public string Name => "email";

    public string Description => "e-mail accounts with caps and warm-up against the SMTP simulator, virtual time";

    public async Task<int> RunAsync(BenchArgs args, CancellationToken cancellationToken)
    {
        var accounts = args.Int("accounts", 50);
        var recipients = args.Int("recipients", 20000);
        var deferredShare = args.Double("deferred", 0.01);
        var rejectedShare = args.Double("rejected", 0.005);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero));
        var start = clock.GetUtcNow();
        var addresses = Enumerable.Range(0, recipients).Select(i => FormattableString.Invariant($"r{i}@{(i % 7 == 0 ? "mail" : "inbox")}.test")).ToList();
        var random = new Random(7);
        var rules = addresses.Where(_ => random.NextDouble() < deferredShare).Select(a => new SmtpRule(a, 451, Times: 1))
            .Concat(addresses.Where(_ => random.NextDouble() < rejectedShare).Select(a => new SmtpRule(a, 550))).ToList();
        await using var smtp = await SmtpSimulator.StartAsync(new SmtpScenario { Rules = rules }, clock);
        var provider = new EmailProviderOptions { Host = "127.0.0.1", Port = smtp.Port, Security = EmailSecurity.None };
        await using var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<ISecretStore, InMemorySecretStore>()
            .AddSingleton<TimeProvider>(clock)
            .AddEmailPlatform(o => o.Providers["bench"] = provider)
            .BuildServiceProvider();
        var platform = services.GetRequiredService<EmailPlatform>();
        var secrets = services.GetRequiredService<ISecretStore>();
        var mailboxes = new List<PlatformAccount>();
        for (var a = 0; a < accounts; a++)
        {
            var user = FormattableString.Invariant($"sender{a}@herald.test");
            var reference = await secrets.SetAsync("bench", user, new EmailCredentials("bench", user, "pw", user, null, start).ToSecret(), cancellationToken);
            mailboxes.Add(new PlatformAccount("bench", user, AccountKind.User, reference));
        }

        var wall = Stopwatch.StartNew();
        var pending = new Queue<string>(addresses);
        var resting = new DateTimeOffset[accounts];
        var (next, retried, rejected) = (0, 0, 0);
        while (pending.Count > 0 && !cancellationToken.IsCancellationRequested)
        {
            var free = Enumerable.Range(0, accounts).Select(k => (next + k) % accounts).FirstOrDefault(k => resting[k] <= clock.GetUtcNow(), -1);
            if (free < 0)
            {
                clock.Advance(resting.Min() - clock.GetUtcNow());
                continue;
            }

            next = free + 1;
            clock.Advance(TimeSpan.FromMilliseconds(10));
            var to = pending.Peek();
            var outcome = await platform.ExecuteAsync(mailboxes[free], new PlatformAction(ActionKind.PersonalMessage, new Recipient(Username: to), "Subject: Hello\nHi there", null, to), cancellationToken);
            switch (outcome)
            {
                case ActionOutcome.RateLimited limited:
                    resting[free] = clock.GetUtcNow() + limited.RetryAfter;
                    break;
                case ActionOutcome.Transient:
                    retried++;
                    pending.Enqueue(pending.Dequeue()); // tried again later, by whichever account comes next
                    break;
                case ActionOutcome.Done:
                    pending.Dequeue();
                    break;
                default:
                    rejected++;
                    pending.Dequeue();
                    break;
            }

            if (smtp.State.GetStats().Accepted % 2000 == 0 && outcome is ActionOutcome.Done)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{smtp.State.GetStats().Accepted} sent, virtual day {(clock.GetUtcNow() - start).TotalDays:F2}, {wall.Elapsed.TotalSeconds:F0} s"));
            }
        }

        var messages = smtp.State.GetMessages();
        var wholeDays = (int)Math.Floor((clock.GetUtcNow() - start).TotalDays);
        var windowEnd = start + TimeSpan.FromDays(Math.Max(1, wholeDays));
        var allowed = wholeDays == 0 ? recipients : Enumerable.Range(0, wholeDays).Sum(d => provider.CapAt(TimeSpan.FromDays(d))) * accounts;
        var achieved = messages.Count(m => m.At < windowEnd);
        var violations = messages.GroupBy(m => m.Account).Sum(g => Violations([.. g.Select(m => m.At).Order()], start, provider));
        var duplicates = messages.SelectMany(m => m.To).GroupBy(t => t, StringComparer.OrdinalIgnoreCase).Count(g => g.Count() > 1);
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["achieved"] = achieved,
            ["allowed"] = allowed,
            ["ratio"] = Math.Round(allowed == 0 ? 0 : (double)achieved / allowed, 4),
            ["violations"] = violations,
            ["duplicates"] = duplicates,
            ["accounts"] = accounts,
            ["recipients"] = recipients,
            ["sent"] = messages.Count,
            ["deferredRetried"] = retried,
            ["rejected"] = rejected,
            ["virtualDays"] = Math.Round((clock.GetUtcNow() - start).TotalDays, 2),
            ["wallSeconds"] = Math.Round(wall.Elapsed.TotalSeconds, 1),
            ["messagesPerWallSecond"] = Math.Round(messages.Count / wall.Elapsed.TotalSeconds, 1),
        }));
        return violations == 0 && duplicates == 0 ? 0 : 1;
    }

    // Sends past the account's cap at its age, counted over every rolling 24-hour window ending at a send.
    private static int Violations(List<DateTimeOffset> sends, DateTimeOffset start, EmailProviderOptions provider)
    {
        var violations = 0;
        var first = 0;
        for (var i = 0; i < sends.Count; i++)
        {
            while (sends[first] + TimeSpan.FromHours(24) <= sends[i])
            {
                first++;
            }

            if (i - first + 1 > provider.CapAt(sends[i] - start))
            {
                violations++;
            }
        }

        return violations;
    }
}
