using System.Net;
using Herald.Platforms.Email;
using Herald.Simulator.Dns;
using Herald.Simulator.Smtp;

namespace Herald.Platforms.Tests.Email;

/// <summary>Recipient validation (R10) against a loopback DNS answerer and the SMTP simulator: syntax, MX, RCPT probe.</summary>
public sealed class EmailRecipientValidatorTests
{
    [Fact(Timeout = 60_000)]
    public async Task ValidateAsync_SyntaxAndMx_ReportsEachAddress()
    {
        await using var dns = DnsAnswerer.Start();
        dns.Mx["good.test"] = [(10, "mx.good.test")];
        dns.A["mx.good.test"] = IPAddress.Loopback;
        dns.A["a-only.test"] = IPAddress.Loopback;
        var validator = new EmailRecipientValidator(new EmailValidationOptions { DnsServers = [dns.Endpoint] });

        var results = await validator.ValidateAsync(["ann@good.test", "bob@good.test", " carl@a-only.test ", "dora@nowhere.test", "not an address", "eve@@good.test", "fred@good"]);

        Assert.Equal(
            [(true, null), (true, null), (true, null), (false, "no_mx"), (false, "invalid_syntax"), (false, "invalid_syntax"), (false, "invalid_syntax")],
            results.Select(r => (r.Valid, r.Reason)));
        Assert.Equal("carl@a-only.test", results[2].Address);
    }

    [Fact(Timeout = 60_000)]
    public async Task ValidateAsync_RcptProbe_AsksTheMailServerButNeverSendsData()
    {
        await using var dns = DnsAnswerer.Start();
        await using var smtp = await SmtpSimulator.StartAsync(new SmtpScenario { Rules = [new SmtpRule("ghost@good.test", 550)] });
        dns.Mx["good.test"] = [(10, "mx.good.test")];
        dns.A["mx.good.test"] = IPAddress.Loopback;
        var options = new EmailValidationOptions { DnsServers = [dns.Endpoint], RcptProbe = true, ProbePort = smtp.Port, ProbeFrom = "probe@herald.test" };

        var results = await new EmailRecipientValidator(options).ValidateAsync(["ann@good.test", "ghost@good.test"]);
        var offByDefault = await new EmailRecipientValidator(new EmailValidationOptions { DnsServers = [dns.Endpoint], ProbePort = smtp.Port }).ValidateAsync(["ghost@good.test"]);

        Assert.Equal([(true, null), (false, "mailbox_unknown")], results.Select(r => (r.Valid, r.Reason)));
        Assert.Empty(smtp.State.GetMessages());
        Assert.Equal(0, smtp.State.GetStats().Accepted);
        Assert.True(Assert.Single(offByDefault).Valid); // no probe unless asked for
    }
}
