using Herald.Core.Outcomes;
using Herald.Platforms.Tests.Support;
using Herald.Simulator.WhatsApp;
using Xunit.Abstractions;

namespace Herald.Platforms.Tests.WhatsAppCloud;

/// <summary>Every Cloud API error the issue lists, answered by the simulator over loopback HTTP, maps onto its outcome.</summary>
public sealed class WhatsAppCloudOutcomeTests(ITestOutputHelper output)
{
    public static TheoryData<int, int, ActionOutcome> ForcedCases => new()
    {
        { 130429, 429, new ActionOutcome.RateLimited(TimeSpan.FromSeconds(1)) },
        { 80007, 400, new ActionOutcome.RateLimited(TimeSpan.FromMinutes(15)) },
        { 4, 400, new ActionOutcome.RateLimited(TimeSpan.FromMinutes(15)) },
        { 131056, 400, new ActionOutcome.Transient("recipient_rate_limited") },
        { 131048, 400, new ActionOutcome.AccountBlocked("spam_rate_limited") },
        { 131064, 400, new ActionOutcome.AccountBlocked("template_violation_limited") },
        { 131026, 400, new ActionOutcome.Permanent("undeliverable") },
        { 131047, 400, new ActionOutcome.Permanent("window_closed_needs_template") },
        { 132000, 400, new ActionOutcome.Permanent("template_error_132000") },
        { 132016, 400, new ActionOutcome.Permanent("template_error_132016") },
        { 190, 401, new ActionOutcome.AccountBlocked("token_expired") },
        { 1, 500, new ActionOutcome.Transient("server_error") },
    };

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(ForcedCases))]
    public async Task ExecuteAsync_CloudApiError_MapsToItsOutcome(int code, int status, ActionOutcome expected)
    {
        await using var host = await WhatsAppTestHost.StartAsync(output);
        host.Sim.Force(new WhatsAppForcedError(code, status));

        var outcome = await host.Platform.ExecuteAsync(await host.NumberAsync(), WhatsAppTestHost.Message("+4915112345678", "hi"));

        Assert.Equal(expected, outcome);
        Assert.Empty(host.Sim.GetDeliveries());
    }

    [Fact(Timeout = 60_000)]
    public async Task ExecuteAsync_Accepted_ReturnsMessagedWithTheWamid()
    {
        await using var host = await WhatsAppTestHost.StartAsync(output);

        var outcome = await host.Platform.ExecuteAsync(await host.NumberAsync(), WhatsAppTestHost.Message("+4915112345678", "Hello Ann"));

        var delivery = Assert.Single(host.Sim.GetDeliveries());
        Assert.Equal(new ActionOutcome.Done(DoneKind.Messaged, delivery.MessageId), outcome);
        Assert.Equal((WhatsAppTestHost.PhoneNumberId, "4915112345678", "text", "Hello Ann"), (delivery.PhoneNumberId, delivery.To, delivery.Type, delivery.Text));
    }

    [Fact(Timeout = 60_000)]
    public async Task ExecuteAsync_RevokedToken_AccountBlockedTokenExpired()
    {
        await using var host = await WhatsAppTestHost.StartAsync(output, s => s.RevokedTokens = [WhatsAppTestHost.AccessToken]);

        var outcome = await host.Platform.ExecuteAsync(await host.NumberAsync(), WhatsAppTestHost.Message("+4915112345678", "hi"));

        Assert.Equal(new ActionOutcome.AccountBlocked("token_expired"), outcome);
    }

    [Fact(Timeout = 60_000)]
    public async Task ExecuteAsync_TextOutsideTheWindow_NeedsTemplateUntilTheUserWrites()
    {
        await using var host = await WhatsAppTestHost.StartAsync(output, s => s.WindowAlwaysOpen = false);
        var number = await host.NumberAsync();

        var closed = await host.Platform.ExecuteAsync(number, WhatsAppTestHost.Message("+4915112345678", "hi"));
        host.Sim.Reply(WhatsAppTestHost.PhoneNumberId, "4915112345678", "hello?");
        var open = await host.Platform.ExecuteAsync(number, WhatsAppTestHost.Message("+4915112345678", "hi"));

        Assert.Equal(new ActionOutcome.Permanent("window_closed_needs_template"), closed);
        Assert.IsType<ActionOutcome.Done>(open);
    }

    [Fact(Timeout = 60_000)]
    public async Task ExecuteAsync_Template_SendsParametersFromTheRecipientsFields()
    {
        await using var host = await WhatsAppTestHost.StartAsync(output, s =>
        {
            s.WindowAlwaysOpen = false;
            s.Templates = [new WhatsAppTemplate("promo", "de_DE", 2)];
        });
        var number = await host.NumberAsync();
        var fields = new Dictionary<string, string> { ["Promo"] = "SPRING-10" };

        var sent = await host.Platform.ExecuteAsync(number, WhatsAppTestHost.Message("+4915112345678", "template:promo:de_DE:name,promo", "Ann", fields));
        var unknown = await host.Platform.ExecuteAsync(number, WhatsAppTestHost.Message("+4915112345679", "template:nope:de_DE"));
        var wrongCount = await host.Platform.ExecuteAsync(number, WhatsAppTestHost.Message("+4915112345670", "template:promo:de_DE:name", "Bob"));
        var missing = await host.Platform.ExecuteAsync(number, WhatsAppTestHost.Message("+4915112345671", "template:promo:de_DE:name,promo", "Eve"));

        Assert.IsType<ActionOutcome.Done>(sent);
        var delivery = Assert.Single(host.Sim.GetDeliveries());
        Assert.Equal(("template", "promo"), (delivery.Type, delivery.Text));
        Assert.Equal(["Ann", "SPRING-10"], delivery.Parameters);
        Assert.Equal(new ActionOutcome.Permanent("template_error_132001"), unknown);
        Assert.Equal(new ActionOutcome.Permanent("template_error_132000"), wrongCount);
        Assert.Equal(new ActionOutcome.Permanent("template_field_missing"), missing);
    }

    [Fact(Timeout = 60_000)]
    public async Task ExecuteAsync_UndeliverableAndTooOften_FailOrWaitForThatRecipientOnly()
    {
        await using var host = await WhatsAppTestHost.StartAsync(output, s =>
        {
            s.UndeliverableRecipients = ["4915100000000"];
            s.PerRecipientInterval = TimeSpan.FromSeconds(6);
        });
        var number = await host.NumberAsync();

        var gone = await host.Platform.ExecuteAsync(number, WhatsAppTestHost.Message("+4915100000000", "hi"));
        var first = await host.Platform.ExecuteAsync(number, WhatsAppTestHost.Message("+4915112345678", "one"));
        var again = await host.Platform.ExecuteAsync(number, WhatsAppTestHost.Message("+4915112345678", "two"));
        var other = await host.Platform.ExecuteAsync(number, WhatsAppTestHost.Message("+4915112345679", "one"));

        Assert.Equal(new ActionOutcome.Permanent("undeliverable"), gone);
        Assert.IsType<ActionOutcome.Done>(first);
        Assert.Equal(new ActionOutcome.Transient("recipient_rate_limited"), again);
        Assert.IsType<ActionOutcome.Done>(other);
    }

    [Fact(Timeout = 60_000)]
    public async Task ExecuteAsync_QualityRed_StopsTheNumberBeforeSending()
    {
        await using var host = await WhatsAppTestHost.StartAsync(output, s => s.Numbers = [new WhatsAppNumber(WhatsAppTestHost.PhoneNumberId, 250, "RED")]);

        var outcome = await host.Platform.ExecuteAsync(await host.NumberAsync(), WhatsAppTestHost.Message("+4915112345678", "hi"));

        Assert.Equal(new ActionOutcome.AccountBlocked("quality_red"), outcome);
        Assert.Empty(host.Sim.GetDeliveries());
    }

    [Fact(Timeout = 60_000)]
    public async Task ExecuteAsync_BadSecretOrNoPhone_RefusedWithoutACall()
    {
        await using var host = await WhatsAppTestHost.StartAsync(output);
        var reference = await host.Secrets.SetAsync("tenant-1", "junk", "not json");
        var junk = new Herald.Platforms.Abstractions.PlatformAccount("tenant-1", "wa-junk", Herald.Core.Domain.AccountKind.Bot, reference);

        var badSecret = await host.Platform.ExecuteAsync(junk, WhatsAppTestHost.Message("+4915112345678", "hi"));
        var noPhone = await host.Platform.ExecuteAsync(await host.NumberAsync(), new(Herald.Core.Domain.ActionKind.BotMessage, new Herald.Core.Domain.Recipient(UserId: 5), "hi", null, "k"));

        Assert.Equal(new ActionOutcome.AccountBlocked("bad_credentials"), badSecret);
        Assert.Equal(new ActionOutcome.Permanent("no_phone"), noPhone);
        Assert.Equal(0, host.Sim.GetStats().Refused + host.Sim.GetStats().Accepted);
    }
}
