using Herald.Engine.Campaigns;
using Herald.Engine.Model;

namespace Herald.Engine.Tests;

/// <summary>The ETA a user sees early in a campaign (the README's demo said two hours nine seconds in; it took two minutes).</summary>
public sealed class CampaignEtaTests
{
    // 5 seconds into a minute, so the old whole-minute average saw almost nothing of the campaign.
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 5, TimeSpan.Zero);

    [Fact]
    public void SpeedPerMinute_NineSecondsIntoACampaignAt90PerSecond_MeasuresAbout5400PerMinute()
    {
        var counters = Sends(perSecond: 90, seconds: 9);

        var speed = counters.SpeedPerMinute(Now, since: Now.AddSeconds(-9));

        Assert.InRange(speed, 5400 * 0.9, 5400 * 1.1);
    }

    [Fact]
    public void Estimate_DemoAfterTenPercent_WithinAQuarterOfTheRealFinish()
    {
        // 10,000 recipients at 90 a second: 111 s in all; 10% done after 11 s.
        var counters = Sends(perSecond: 90, seconds: 11);
        var speed = counters.SpeedPerMinute(Now, since: Now.AddSeconds(-11));
        var realFinish = Now.AddSeconds(100);

        var eta = CampaignEta.Estimate(9010, speed, TimeSpan.FromSeconds(11), plannedFinish: Now.AddSeconds(100), Now);

        Assert.NotNull(eta);
        Assert.InRange((eta.Value - Now).TotalSeconds, 100 * 0.75, 100 * 1.25);
        Assert.True(Math.Abs((eta.Value - realFinish).TotalSeconds) < 25);
    }

    [Fact]
    public void Estimate_NoMeasurementYet_FollowsThePlan()
    {
        var eta = CampaignEta.Estimate(1000, 0, TimeSpan.FromSeconds(1), plannedFinish: Now.AddMinutes(7), Now);

        Assert.Equal(Now.AddMinutes(7), eta);
    }

    [Fact]
    public void Estimate_AfterAMinute_MeasuredSpeedDecides()
    {
        var eta = CampaignEta.Estimate(600, 60, TimeSpan.FromMinutes(3), plannedFinish: Now.AddHours(5), Now);

        Assert.Equal(Now.AddMinutes(10), eta);
    }

    [Fact]
    public void Estimate_NothingLeft_IsNull() => Assert.Null(CampaignEta.Estimate(0, 60, TimeSpan.FromMinutes(3), Now.AddHours(1), Now));

    private static CampaignCounters Sends(int perSecond, int seconds)
    {
        var counters = new CampaignCounters();
        for (var s = seconds; s > 0; s--)
        {
            for (var i = 0; i < perSecond; i++)
            {
                counters.CountDone(Herald.Core.Outcomes.DoneKind.Messaged, Now.AddSeconds(-s + 0.5));
            }
        }

        return counters;
    }
}
