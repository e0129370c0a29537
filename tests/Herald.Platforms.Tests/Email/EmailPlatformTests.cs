using Herald.Core.Outcomes;
using Herald.Platforms.Email;
using Herald.Platforms.Tests.Support;
using Herald.Simulator.Smtp;
using Xunit.Abstractions;

namespace Herald.Platforms.Tests.Email;

/// <summary>E-mail through MailKit to the SMTP simulator over loopback: bodies, unsubscribe headers, every reply code, caps.</summary>
public sealed class EmailPlatformTests(ITestOutputHelper output)
{
    public static TheoryData<int, ActionOutcome> ReplyCases => new()
    {
        { 421, new ActionOutcome.RateLimited(TimeSpan.FromMinutes(15)) },
        { 450, new ActionOutcome.Transient("mailbox_busy") },
        { 451, new ActionOutcome.Transient("server_deferred") },
        { 452, new ActionOutcome.RateLimited(TimeSpan.FromMinutes(15)) },
        { 550, new ActionOutcome.RecipientGone("mailbox_unavailable") },
        { 551, new ActionOutcome.RecipientGone("user_not_local") },
        { 553, new ActionOutcome.RecipientGone("mailbox_name_not_allowed") },
    };

    [Fact(Timeout = 60_000)]
    public async Task ExecuteAsync_Accepted_TextAndEscapedHtmlFromOneTemplateWithOneClickUnsubscribe()
    {
        await using var host = await EmailTestHost.StartAsync(output);
        var text = "Subject: Spring offer for <Ann>\nHello <b>Ann</b> & friends,\n\nsee https://example.org/?a=1&b=2";

        var outcome = await host.Platform.ExecuteAsync(await host.AccountAsync(), EmailTestHost.Message("ann@example.org", text));

        Assert.IsType<ActionOutcome.Done>(outcome);
        var message = Assert.Single(host.Sim.GetMessages());
        Assert.Equal(("sender@herald.test", "sender@herald.test", "ann@example.org"), (message.Account, message.From, Assert.Single(message.To)));
        Assert.Equal("Spring offer for <Ann>", message.Subject);
        Assert.StartsWith("Hello <b>Ann</b> & friends,", message.Text, StringComparison.Ordinal);
        Assert.Contains("Hello &lt;b&gt;Ann&lt;/b&gt; &amp; friends,", message.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", message.Html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org/?a=1&amp;b=2\">", message.Html, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", message.ListUnsubscribePost);
        var link = message.ListUnsubscribe!.Trim('<', '>');
        Assert.StartsWith(EmailTestHost.UnsubscribeUrl + "?t=", link, StringComparison.Ordinal);
        Assert.DoesNotContain("ann", link, StringComparison.OrdinalIgnoreCase);
        Assert.True(UnsubscribeToken.TryOpen(EmailTestHost.UnsubscribeSecret, link[(link.IndexOf("?t=", StringComparison.Ordinal) + 3)..], out var tenant, out var key));
        Assert.Equal(("tenant-1", "u:ann@example.org"), (tenant, key));
        Assert.False(UnsubscribeToken.TryOpen("another-secret-of-enough-length", link[(link.IndexOf("?t=", StringComparison.Ordinal) + 3)..], out _, out _));
    }

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(ReplyCases))]
    public async Task ExecuteAsync_SmtpReply_MapsToItsOutcome(int code, ActionOutcome expected)
    {
        await using var host = await EmailTestHost.StartAsync(output, new SmtpScenario { Rules = [new SmtpRule("bob@example.org", code)] });

        var outcome = await host.Platform.ExecuteAsync(await host.AccountAsync(), EmailTestHost.Message("bob@example.org", "Hi"));

        Assert.Equal(expected, outcome);
        Assert.Empty(host.Sim.GetMessages());
    }

    [Fact(Timeout = 60_000)]
    public async Task ExecuteAsync_RefusedLogin_AccountBlockedAndNothingSent()
    {
        await using var host = await EmailTestHost.StartAsync(output, new SmtpScenario { RefusedLogins = ["sender@herald.test"] });

        var outcome = await host.Platform.ExecuteAsync(await host.AccountAsync(), EmailTestHost.Message("bob@example.org", "Hi"));

        Assert.Equal(new ActionOutcome.AccountBlocked("auth_failed"), outcome);
        Assert.Equal(0, host.Sim.GetStats().Accepted);
        Assert.True(host.Sim.GetStats().RefusedLogins > 0); // MailKit tries each offered mechanism (PLAIN, LOGIN)
    }

    [Fact(Timeout = 60_000)]
    public async Task ExecuteAsync_DeferredOnce_TheRetryIsAcceptedOnTheSameAccount()
    {
        await using var host = await EmailTestHost.StartAsync(output, new SmtpScenario { Rules = [new SmtpRule("*@slow.example", 451, Times: 1)] });
        var account = await host.AccountAsync();

        var first = await host.Platform.ExecuteAsync(account, EmailTestHost.Message("eve@slow.example", "Hi"));
        var retry = await host.Platform.ExecuteAsync(account, EmailTestHost.Message("eve@slow.example", "Hi"));

        Assert.Equal(new ActionOutcome.Transient("server_deferred"), first);
        Assert.IsType<ActionOutcome.Done>(retry);
        Assert.Single(host.Sim.GetMessages());
    }

    [Fact(Timeout = 60_000)]
    public async Task ExecuteAsync_ProviderCapWithWarmup_NeverExceededAndGrowsWithAge()
    {
        await using var host = await EmailTestHost.StartAsync(output, new SmtpScenario { DailyCapPerAccount = 20 }, p =>
        {
            p.DailyCap = 20;
            p.WarmupShareByDay = new() { [0] = 0.25, [7] = 1.0 };
        });
        var account = await host.AccountAsync();

        var day0 = new List<ActionOutcome>();
        for (var i = 0; i < 6; i++)
        {
            day0.Add(await host.Platform.ExecuteAsync(account, EmailTestHost.Message($"r{i}@example.org", "Hi")));
        }

        host.Clock.Advance(TimeSpan.FromDays(7));
        var day7 = new List<ActionOutcome>();
        for (var i = 0; i < 21; i++)
        {
            day7.Add(await host.Platform.ExecuteAsync(account, EmailTestHost.Message($"s{i}@example.org", "Hi")));
        }

        Assert.Equal(5, day0.Count(o => o is ActionOutcome.Done));
        Assert.Equal(TimeSpan.FromHours(24), Assert.IsType<ActionOutcome.RateLimited>(day0[^1]).RetryAfter);
        Assert.Equal(20, day7.Count(o => o is ActionOutcome.Done));
        Assert.IsType<ActionOutcome.RateLimited>(day7[^1]);
        Assert.Equal((25, 0), (host.Sim.GetStats().Accepted, host.Sim.GetStats().CapViolations));
    }

    [Fact(Timeout = 60_000)]
    public async Task ExecuteAsync_SendTookTimeAndTheWindowEndsBetweenTakeAndAcceptance_WaitsForTheServersWindow()
    {
        await using var host = await EmailTestHost.StartAsync(output, new SmtpScenario { DailyCapPerAccount = 1 }, p => p.DailyCap = 1);
        var account = await host.AccountAsync();

        // Every reading of the clock moves it a second on: the SMTP exchange takes time, the server stamps its message later.
        host.Clock.AutoAdvanceAmount = TimeSpan.FromSeconds(1);
        var first = await host.Platform.ExecuteAsync(account, EmailTestHost.Message("ann@example.org", "Hi"));
        host.Clock.AutoAdvanceAmount = TimeSpan.Zero;
        var acceptedAt = host.Sim.GetMessages().Single().At;
        host.Clock.SetUtcNow(acceptedAt + TimeSpan.FromHours(24) - TimeSpan.FromMilliseconds(500));
        var second = await host.Platform.ExecuteAsync(account, EmailTestHost.Message("bob@example.org", "Hi"));

        Assert.IsType<ActionOutcome.Done>(first);
        Assert.True(Assert.IsType<ActionOutcome.RateLimited>(second).RetryAfter > TimeSpan.Zero);
        Assert.Equal((1, 0), (host.Sim.GetStats().Accepted, host.Sim.GetStats().CapViolations));
    }

    [Fact(Timeout = 60_000)]
    public async Task ExecuteAsync_NoAddressOrBadSecret_RefusedWithoutConnecting()
    {
        await using var host = await EmailTestHost.StartAsync(output);
        var reference = await host.Secrets.SetAsync("tenant-1", "junk", "{}");
        var junk = new Herald.Platforms.Abstractions.PlatformAccount("tenant-1", "mail-junk", Herald.Core.Domain.AccountKind.User, reference);

        var noAddress = await host.Platform.ExecuteAsync(await host.AccountAsync(), EmailTestHost.Message("not-an-address", "Hi"));
        var badSecret = await host.Platform.ExecuteAsync(junk, EmailTestHost.Message("ann@example.org", "Hi"));

        Assert.Equal(new ActionOutcome.Permanent("no_email_address"), noAddress);
        Assert.Equal(new ActionOutcome.AccountBlocked("bad_credentials"), badSecret);
        Assert.Empty(host.Sim.GetMessages());
    }
}
