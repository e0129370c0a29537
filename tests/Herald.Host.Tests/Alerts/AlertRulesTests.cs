using Herald.Host.Alerts;

namespace Herald.Host.Tests.Alerts;

/// <summary>Which alerts a look raises, from account and campaign snapshots.</summary>
public sealed class AlertRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly AlertOptions Options = new() { FloodWaitCount = 5, FloodWaitWithin = TimeSpan.FromMinutes(2), RestingLongerThan = TimeSpan.FromMinutes(30) };
    private static readonly Dictionary<string, DateTimeOffset> NeverResting = [];

    [Fact]
    public void Evaluate_BlockedAndLimitedAccounts_OneAlertEachActiveNone()
    {
        AccountSnapshot[] accounts =
        [
            new("t", "tg-bot-1", "blocked", "bad_token", null),
            new("t", "tg-user-2", "limited", "peer_flood", Now.AddHours(20)),
            new("t", "tg-bot-3", "active", null, null),
            new("t", "tg-bot-4", "cooldown", "flood_wait", Now.AddMinutes(2)),
        ];

        var alerts = AlertRules.Evaluate(accounts, [], 0, NeverResting, Options, Now).ToList();

        Assert.Equal([(AlertKind.AccountBlocked, "tg-bot-1"), (AlertKind.AccountLimited, "tg-user-2")], alerts.Select(a => (a.Kind, a.SubjectId)));
        Assert.Contains("bad_token", alerts[0].Text, StringComparison.Ordinal);
        Assert.Contains("2026-12-02 06:00 UTC", alerts[1].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    public void Evaluate_FloodWaitsInWindow_SpikeFromTheSetting(int floodWaits, bool spike)
    {
        var alerts = AlertRules.Evaluate([], [], floodWaits, NeverResting, Options, Now).ToList();

        Assert.Equal(spike, alerts.Any(a => a.Kind == AlertKind.FloodWaitSpike));
    }

    [Fact]
    public void Evaluate_CampaignsRestingOrEnded_AlertsOnlyPastTheSettingAndWithinTheWindow()
    {
        var reasons = new Dictionary<string, long> { ["gone: blocked_by_user"] = 3, ["template_error"] = 1 };
        CampaignSnapshot[] campaigns =
        [
            new("t", "ended", "completed_with_errors", null, null, Now.AddMinutes(-5), 4, 1, reasons),
            new("t", "ended-long-ago", "completed_with_errors", null, null, Now.AddHours(-2), 4, 0, reasons),
            new("t", "rests-long", "waiting", AlertRules.AllAccountsResting, Now.AddMinutes(45), null, 0, 0, new Dictionary<string, long>()),
            new("t", "rests-briefly", "waiting", AlertRules.AllAccountsResting, Now.AddMinutes(5), null, 0, 0, new Dictionary<string, long>()),
            new("t", "rested-since-long", "waiting", AlertRules.AllAccountsResting, null, null, 0, 0, new Dictionary<string, long>()),
        ];
        var since = new Dictionary<string, DateTimeOffset> { ["t/rested-since-long"] = Now.AddMinutes(-31), ["t/rests-briefly"] = Now.AddMinutes(-10) };

        var alerts = AlertRules.Evaluate([], campaigns, 0, since, Options, Now).ToList();

        Assert.Equal(
            [(AlertKind.CampaignEndedWithErrors, "ended"), (AlertKind.AllAccountsResting, "rests-long"), (AlertKind.AllAccountsResting, "rested-since-long")],
            alerts.Select(a => (a.Kind, a.SubjectId)));
        Assert.Contains("4 failed, 1 unknown", alerts[0].Text, StringComparison.Ordinal);
        Assert.Contains("gone: blocked_by_user 3", alerts[0].Text, StringComparison.Ordinal);
    }
}
