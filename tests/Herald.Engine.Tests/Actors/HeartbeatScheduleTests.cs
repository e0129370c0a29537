using Herald.Engine.Actors;
using Microsoft.Extensions.Time.Testing;

namespace Herald.Engine.Tests.Actors;

/// <summary>When a working tick renews its lease and extends its message (issue 11: as few requests as keep the guarantees).</summary>
public sealed class HeartbeatScheduleTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Visibility = TimeSpan.FromSeconds(10);

    [Fact]
    public void RenewalDelay_JustTaken_WaitsHalfTheLeaseSoATickOfUpToSevenSecondsNeverRenews()
    {
        var time = new FakeTimeProvider();
        var taken = time.GetUtcNow();

        Assert.Equal(TimeSpan.FromSeconds(7.5), HeartbeatSchedule.RenewalDelay(Lease, taken, time.GetUtcNow(), lastTryFailed: false));
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.FromSeconds(2.5), HeartbeatSchedule.RenewalDelay(Lease, taken, time.GetUtcNow(), lastTryFailed: false));
    }

    [Fact]
    public void RenewalDelay_LateOrFailed_TriesAgainSoonWellBeforeTheTickMustStop()
    {
        var time = new FakeTimeProvider();
        var renewed = time.GetUtcNow();
        time.Advance(TimeSpan.FromSeconds(9));

        Assert.Equal(TimeSpan.Zero, HeartbeatSchedule.RenewalDelay(Lease, renewed, time.GetUtcNow(), lastTryFailed: false));
        // Tries at 7.5, 9 and 10.5 s fit before the tick stops starting actions (80% of the lease: 12 s).
        Assert.Equal(TimeSpan.FromSeconds(1.5), HeartbeatSchedule.RenewalDelay(Lease, renewed, time.GetUtcNow(), lastTryFailed: true));
    }

    [Fact]
    public void NextExtension_AfterReceipt_ExtendsHalfAVisibilityBeforeItShowsToTheLeaseThenEveryTenSeconds()
    {
        var first = HeartbeatSchedule.NextExtension(Visibility, Lease, Visibility);
        var next = HeartbeatSchedule.NextExtension(Visibility, Lease, first.Visibility);

        Assert.Equal((TimeSpan.FromSeconds(5), Lease), first);
        Assert.Equal((TimeSpan.FromSeconds(10), Lease), next);
    }
}
